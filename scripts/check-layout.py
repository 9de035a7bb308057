#!/usr/bin/env python3
"""Fails when a hand-written source line is longer than 120 characters, ends in spaces or a carriage return, or a
file is longer than 300 lines or lacks its final newline (the build checks the rest of the formatting).
Generated EF migrations are left out. Prints each offence as path:line."""
import pathlib, sys

root = pathlib.Path(__file__).resolve().parent.parent
bad = []
for path in sorted(root.glob('*/**/*')):
    rel = path.relative_to(root)
    if path.suffix not in ('.cs', '.razor') or any(p in ('bin', 'obj', 'Migrations') for p in rel.parts):
        continue
    if rel.parts[0] not in ('src', 'tests', 'bench'):
        continue
    text = path.read_text(encoding='utf-8')
    if text and not text.endswith('\n'):
        bad.append(f'{rel}: no newline at the end of the file')
    lines = text.split('\n')
    if lines and lines[-1] == '':
        lines.pop()
    for n, line in enumerate(lines, 1):
        if len(line) > 120:
            bad.append(f'{rel}:{n}: line of {len(line)} characters (at most 120)')
        if line != line.rstrip():
            bad.append(f'{rel}:{n}: spaces or a carriage return at the end of the line')
    if len(lines) > 300:
        bad.append(f'{rel}: {len(lines)} lines (at most 300; split it by what its parts do)')
print('\n'.join(bad) if bad else 'Layout: every line ≤ 120 characters, every file ≤ 300 lines.')
sys.exit(1 if bad else 0)
