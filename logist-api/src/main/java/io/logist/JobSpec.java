package io.logist;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a new job should do. Settings given here override every {@code logist.yml}; they use the dotted
 * keys of {@code logist.yml} ({@code limits.maxSteps}, {@code agents.mock.scenario}), exactly like the
 * CLI's {@code --set key=value}, and are validated with the files when the job is created.
 */
public final class JobSpec {
    private final Optional<String> prompt;
    private final Optional<Path> repo;
    private final Optional<String> base;
    private final Optional<String> name;
    private final Optional<JobId> id;
    private final Map<String, String> settings;

    private JobSpec(Builder builder) {
        this.prompt = Optional.ofNullable(builder.prompt);
        this.repo = Optional.ofNullable(builder.repo);
        this.base = Optional.ofNullable(builder.base);
        this.name = Optional.ofNullable(builder.name);
        this.id = Optional.ofNullable(builder.id);
        this.settings = Collections.unmodifiableMap(new LinkedHashMap<>(builder.settings));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The task, as given to the worker; required when the job is created. */
    public Optional<String> prompt() {
        return prompt;
    }

    /** The git repository the job works on; absent means the current directory. */
    public Optional<Path> repo() {
        return repo;
    }

    /** The ref the job branch starts from; absent means the repository's current HEAD commit. */
    public Optional<String> base() {
        return base;
    }

    /** A short name that prefixes the generated id. */
    public Optional<String> name() {
        return name;
    }

    /** An id chosen by the caller instead of a generated one. */
    public Optional<JobId> id() {
        return id;
    }

    /** Dotted settings in the order they were given. */
    public Map<String, String> settings() {
        return settings;
    }

    /** Builds a {@link JobSpec}. The prompt is required. */
    public static final class Builder {
        private String prompt;
        private Path repo;
        private String base;
        private String name;
        private JobId id;
        private final Map<String, String> settings = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder prompt(String prompt) {
            this.prompt = prompt;
            return this;
        }

        public Builder repo(Path repo) {
            this.repo = repo;
            return this;
        }

        public Builder base(String base) {
            this.base = base;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder id(JobId id) {
            this.id = id;
            return this;
        }

        /** Sets a dotted setting, as {@code --set key=value} does. */
        public Builder set(String key, String value) {
            settings.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public Builder runner(String runnerId) {
            return set("runner", runnerId);
        }

        /** The agent of every role that does not name its own. */
        public Builder agent(String agentId) {
            return set("agent", agentId);
        }

        public Builder supervisorAgent(String agentId) {
            return set("roles.supervisor.agent", agentId);
        }

        public Builder maxCostUsd(BigDecimal maxCostUsd) {
            return set("limits.maxCostUsd", maxCostUsd.toPlainString());
        }

        public Builder maxSteps(int maxSteps) {
            return set("limits.maxSteps", Integer.toString(maxSteps));
        }

        public Builder maxWallTime(Duration maxWallTime) {
            return set("limits.maxWallTime", maxWallTime.toSeconds() + "s");
        }

        public Builder requireApproval(boolean requireApproval) {
            return set("requireApproval", Boolean.toString(requireApproval));
        }

        /**
         * Builds the spec. A missing prompt is reported when the job is created, together with
         * every other problem, so that one attempt shows everything to fix.
         */
        public JobSpec build() {
            return new JobSpec(this);
        }
    }
}
