#!/usr/bin/env python3
"""Prints a GitHub Actions workflow's jobs and their steps as JSON, for the test that runs them.

    scripts/workflow-steps.py Examples/github-workflows/check.yml

Output: {"jobs": {JOB: [{"id": ..., "name": ..., "run": ..., "uses": ..., "env": {...}}]}, "env": {...}}.
Needs PyYAML.
"""
import json
import sys

import yaml


def main():
    with open(sys.argv[1], encoding="utf-8") as file:
        workflow = yaml.safe_load(file)
    jobs = {}
    for name, job in workflow["jobs"].items():
        jobs[name] = [
            {key: step.get(key) for key in ("id", "name", "run", "uses", "env")}
            for step in job.get("steps", [])
        ]
    json.dump({"env": workflow.get("env") or {}, "jobs": jobs}, sys.stdout)


if __name__ == "__main__":
    main()
