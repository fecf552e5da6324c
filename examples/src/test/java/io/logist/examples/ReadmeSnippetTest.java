package io.logist.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's library snippet must be the tagged region of a compiled, executed example. */
class ReadmeSnippetTest {
    private static final Pattern TAGGED = Pattern.compile("// tag::embed\\[]\\R(.*?)\\R\\s*// end::embed\\[]",
            Pattern.DOTALL);
    private static final Pattern README_BLOCK = Pattern.compile(
            "<!-- snippet: EmbedExample -->\\R```java\\R(.*?)\\R```", Pattern.DOTALL);

    @Test
    void readmeShowsTheEmbedExampleVerbatim() throws IOException {
        String example = Files.readString(Path.of("src/main/java/io/logist/examples/EmbedExample.java"));
        String readme = Files.readString(Path.of("../README.md"));
        Matcher tagged = TAGGED.matcher(example);
        Matcher shown = README_BLOCK.matcher(readme);
        assertThat(tagged.find()).as("tagged region in EmbedExample.java").isTrue();
        assertThat(shown.find()).as("'<!-- snippet: EmbedExample -->' java block in README.md").isTrue();
        assertThat(normalized(shown.group(1))).isEqualTo(normalized(tagged.group(1)));
    }

    /** Indentation differs between a method body and a README block; the code must not. */
    private static List<String> normalized(String code) {
        return Arrays.stream(code.split("\\R")).map(String::strip).filter(l -> !l.isEmpty())
                .collect(Collectors.toList());
    }
}
