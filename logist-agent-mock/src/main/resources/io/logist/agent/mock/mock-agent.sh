#!/bin/sh
# The Logist mock agent: plays a worker or a supervisor the way a real agent CLI would, as a real process.
# Only POSIX sh and busybox tools, because it also runs inside minimal containers.
# Usage: sh mock-agent.sh PROMPT_FILE, with the working directory set to the workspace.
# Settings come from MOCK_* variables, set by io.logist.agent.mock.MockAgent.

prompt_file=$1
scenario=${MOCK_SCENARIO:-success}
role=${MOCK_ROLE:-worker}
step=${MOCK_STEP:-1}
seconds=${MOCK_SECONDS:-5}
input_tokens=${MOCK_INPUT_TOKENS:-1200}
output_tokens=${MOCK_OUTPUT_TOKENS:-300}
cost_usd=${MOCK_COST_USD:-0.0125}
reports_left=${MOCK_USAGE_REPORTS:-1}
verdict_to=${MOCK_VERDICT_TO:-message}
file=${MOCK_FILE:-mock-work.txt}

report_usage() {
    if [ "$reports_left" -gt 0 ]; then
        echo "[mock-usage] input_tokens=$input_tokens output_tokens=$output_tokens cost_usd=$cost_usd"
        reports_left=$((reports_left - 1))
    fi
}

report_remaining_usage() {
    while [ "$reports_left" -gt 0 ]; do
        report_usage
    done
}

json_string() {
    printf '"%s"' "$(printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g')"
}

# verdict ACTION SUMMARY [EVIDENCE_FILE]
verdict() {
    evidence=""
    if [ -n "$3" ]; then
        evidence=$(json_string "$3")
    fi
    json="{\"action\": \"$1\", \"summary_for_supervisor\": $(json_string "$2"), \"evidence_files\": [$evidence]}"
    if [ "$verdict_to" = file ]; then
        mkdir -p .logist
        printf '%s\n' "$json" > .logist/verdict.json
        echo "mock: verdict written to .logist/verdict.json"
    else
        echo '```json'
        printf '%s\n' "$json"
        echo '```'
    fi
}

work() {
    echo "mock: reading the task"
    echo "mock: editing $file"
    mkdir -p "$(dirname "$file")"
    echo "worker step $step" >> "$file"
    # Supervisor feedback reaching the worker's prompt is what the revise-once scenario proves.
    if grep -q "Please add a line 'revised'" "$prompt_file"; then
        echo "revised" >> "$file"
    fi
    report_remaining_usage
    verdict COMPLETED "mock worker: updated $file" "$file"
}

review() {
    echo "mock: reviewing $file"
    report_remaining_usage
    if [ ! -f "$file" ]; then
        verdict RETRY "Please create $file: it does not exist"
    elif [ "$scenario" = revise-once ] && ! grep -qx "revised" "$file"; then
        verdict RETRY "Please add a line 'revised' to $file" "$file"
    else
        verdict COMPLETED "mock supervisor: the change looks right" "$file"
    fi
}

play_role() {
    if [ "$role" = supervisor ]; then
        review
    else
        work
    fi
}

if [ "$scenario" = hang ]; then
    # Silent and never exits, so that idle timeouts and process-tree kills have something to catch.
    while :; do
        sleep 1
    done
fi

echo "[mock-session] mock-$step-$role"

case "$scenario" in
    stuck)
        if [ "$role" = supervisor ]; then
            review
        else
            echo "mock: reading the task"
            report_remaining_usage
            verdict STUCK "mock: cannot continue: the task needs credentials I do not have"
        fi
        ;;
    no-verdict)
        echo "mock: I changed things but will not say how it went"
        ;;
    crash)
        echo "mock: starting"
        echo "mock: fatal: simulated crash (exit 1)" >&2
        exit 1
        ;;
    slow)
        i=1
        while [ "$i" -le "$seconds" ]; do
            sleep 1
            echo "mock: working ($i/$seconds)"
            report_usage
            i=$((i + 1))
        done
        play_role
        ;;
    waiting-input)
        echo "Press Enter to continue"
        if ! read -r answer; then
            echo "mock: standard input closed while waiting for Enter; giving up" >&2
            exit 3
        fi
        play_role
        ;;
    *)
        play_role
        ;;
esac
