#!/bin/bash
# Runs every workspace test binary (built beforehand) with the computer's clock faked to $1.
d="$1"; fail=0; passed=0
while read -r dir exe; do
  out=$(cd "$dir" && CHIBO_FORBID_REAL_CLOCK=1 timeout 600 faketime "$d" "$exe" 2>&1); rc=$?
  n=$(echo "$out" | grep -oE "test result: ok\. [0-9]+ passed" | grep -oE "[0-9]+" | head -1)
  passed=$((passed + ${n:-0}))
  if [ $rc -ne 0 ]; then fail=1; echo "FAILED: $exe"; echo "$out" | grep -E "FAILED|panicked" | head -5; fi
done < /tmp/testbins.txt
echo "$d: $passed tests passed, failures: $fail"
