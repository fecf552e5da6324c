package io.logist.core.internal.config;

/**
 * The built-in defaults, written as the {@code logist.yml} that {@code logist init} creates, so that the
 * defaults and the file people start from can never disagree.
 */
final class DefaultSettings {
    static final String YAML = """
            # Logist settings. Precedence, lowest first: built-in defaults, ~/.config/logist/logist.yml,
            # <repo>/logist.yml, the job's own settings, then --set key=value on the command line.
            # Every setting is shown here with its built-in default.

            # Where agents run: the id of an installed runner (host, docker, podman; `logist plugins` lists them).
            runner: host
            # The agent of every role that does not name its own: the id of an installed agent
            # (mock, claude-code, codex, gemini, cline, aider). `logist plugins` lists them.
            agent: mock
            # worker-supervisor: a worker step, then a supervisor step that approves or asks for changes.
            # worker-only: the worker's COMPLETED approves its own work.
            workflow: worker-supervisor
            # Whether work the supervisor approved waits for a person (`logist job approve`).
            requireApproval: false
            # Each job works on the git branch <branchPrefix><job id>.
            branchPrefix: logist/
            # Names of the environment variables passed from Logist's environment to every agent.
            # Pass API keys by name here (or with agents.<id>.apiKeyEnv); their values are never stored.
            env: [PATH, HOME, LANG, LC_ALL, TZ, USER, TMPDIR]

            # The budget of each job. Crossing one stops the job and asks for a person.
            limits:
              maxSteps: 20        # steps of any role
              maxRounds: 5        # worker/supervisor rounds
              maxCostUsd: 5.00    # total cost in US dollars; ~ for no limit
              maxTokens: ~        # total tokens; ~ for no limit
              maxWallTime: 2h     # total time spent in steps (500ms, 30s, 5m, 2h, 1h30m, 1d)
              stepTimeout: 30m    # time one step may take
              idleTimeout: 5m     # time a step may go without printing anything

            # How running steps are watched, beyond the limits above.
            sentinel:
              loopRepeats: 5      # the same block of output this many times in a row is a loop
              exitGrace: 30s      # a process still alive this long after printing its verdict is stopped
              terminateGrace: 5s  # time between SIGTERM and SIGKILL when a step is stopped
              retries: 3          # retries after a rate limit, a server error or an interruption
              retryBackoff: 10s   # wait before the first retry; each further retry waits twice as long

            # Extra output patterns (regular expressions) that classify agent output into signals, added to
            # the built-in ones: rate-limit, auth-failed, context-overflow, network-error, waiting-input.
            # For example:  rate-limit: ['quota exceeded']
            signals: {}

            # Where `logist job harvest --push` pushes the job branch: a remote of the source repository.
            harvest:
              remote: ~

            # Who acts in a step. Each role may name its own agent (default: the top-level agent).
            # More roles may be added with their own instructions.
            roles:
              worker:
                # agent: claude-code
                instructions: |
                  You are the worker. Do the task below in the workspace, your current directory, which is a
                  git checkout of the project. Make the change completely: edit the code, add or update tests,
                  and run them. If there is feedback from the supervisor, address every point of it.
                  Do not commit; Logist commits after your step. Answer COMPLETED when the task is done,
                  RETRY when you need another step to finish it, STUCK when only a person can unblock you.
              supervisor:
                # agent: claude-code
                instructions: |
                  You are the supervisor. Review the worker's change for the task below in the workspace, your
                  current directory: read the diff and the files it touches, and run the tests or the build
                  when that helps you judge. Do not change the code yourself. Answer COMPLETED when the change
                  does the whole task correctly. Otherwise answer RETRY with concrete feedback the worker can
                  act on: what is wrong or missing, where, and what to do instead. Answer STUCK only when the
                  task cannot be done without a person.

            # Options by agent id. Every agent understands model, path, baseUrl, apiKeyEnv, env, extraArgs
            # and inheritUserConfig; `logist plugins` shows each agent's own options. For example:
            #   claude-code: {model: sonnet, apiKeyEnv: ANTHROPIC_API_KEY, extraArgs: []}
            #   mock: {scenario: success}
            agents: {}

            # Options by runner id. Every runner understands image, env and timeout. For example:
            #   docker: {image: eclipse-temurin:17, timeout: 1h}
            runners: {}
            """;

    private DefaultSettings() {
    }
}
