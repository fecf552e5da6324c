package io.logist;

import java.nio.file.Path;
import java.util.Objects;

/** Where {@link Logist#harvest} exports a job's change since its base. */
public sealed interface Harvest {

    /** A patch file that applies with {@code git apply} on the base commit. */
    record Patch(Path file) implements Harvest {
        public Patch {
            Objects.requireNonNull(file, "file");
        }
    }

    /** A new branch in the source repository, at the job branch's last commit. */
    record Branch(String name) implements Harvest {
        public Branch {
            Objects.requireNonNull(name, "name");
        }
    }

    /** The job branch pushed to the remote configured as {@code harvest.remote}. */
    record Push() implements Harvest {
    }
}
