#!/bin/sh
# A stand-in for aider, for the contract kit on machines without it: it takes the message from
# --message-file, creates the file the kit asks for, and prints what aider's documentation shows for one
# message (see README.md). It checks that the flags Logist relies on are there.
if [ "$1" = "--version" ]; then
    echo "aider 0.86.1"
    exit 0
fi
message=""
yes=""
while [ $# -gt 0 ]; do
    case "$1" in
        --message-file) message="$2"; shift 2 ;;
        --yes-always) yes="yes"; shift ;;
        *) shift ;;
    esac
done
if [ ! -f "$message" ] || [ -z "$yes" ]; then
    echo "aider-stub: expected --message-file FILE and --yes-always" >&2
    exit 2
fi
printf 'hello\n' > hello.txt
cat <<'OUTPUT'
Aider v0.86.1
Main model: gpt-4o with diff edit format
Git repo: .git with 1 files
Repo-map: disabled

hello.txt
```
<<<<<<< SEARCH
=======
hello
>>>>>>> REPLACE
```

```json
{"action": "COMPLETED", "summary_for_supervisor": "Created hello.txt", "evidence_files": ["hello.txt"]}
```

Tokens: 2.3k sent, 135 received. Cost: $0.0089 message, $0.0089 session.
Applied edit to hello.txt
OUTPUT
