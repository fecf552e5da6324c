package io.logist;

import java.util.List;
import java.util.stream.Collectors;

/** Configuration that failed validation; every problem found in one pass is listed. */
public class ConfigurationException extends BadInputException {
    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;

    public ConfigurationException(List<ConfigProblem> problems) {
        super(render(problems));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String render(List<ConfigProblem> problems) {
        if (problems.size() == 1) {
            return "invalid configuration: " + problems.get(0).describe();
        }
        return problems.stream().map(p -> "  - " + p.describe())
                .collect(Collectors.joining("\n", "invalid configuration (" + problems.size() + " problems):\n", ""));
    }
}
