"""Run the README's two set-up commands as a new user would: in a fresh clone, in a fresh venv, exactly as written,
and record what they did in nbs/results/fresh_clone.json (the README renders its main-job figure and set-up times from
that file). Takes about 15 minutes on two cores; not part of CI.

    python tests/fresh_clone.py [--skip-tests]
"""
import argparse, json, re, resource, shutil, subprocess, sys, tempfile, time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

def readme_commands() -> list[str]:
    "The shell commands of the README's set-up section, in order."
    setup = (ROOT/'README.md').read_text(encoding='utf-8').split('## Set up', 1)[1].split('\n## ', 1)[0]
    return [c.strip() for c in re.findall(r'```sh\n(.*?)```', setup, re.S)]

def timed(command: str, cwd: Path, log: Path) -> dict:
    "Run `command` with bash in `cwd`, its output to `log`; its wall time, exit status and largest child's peak memory."
    t0 = time.perf_counter()
    with open(log, 'w') as out:
        p = subprocess.run(['bash', '-c', command], cwd=cwd, stdout=out, stderr=subprocess.STDOUT)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss/1024
    return dict(command=command, seconds=round(time.perf_counter() - t0, 1), returncode=p.returncode, peak_mib_so_far=round(peak))

def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--skip-tests', action='store_true', help='run only the first command (the main job)')
    a = p.parse_args()
    from learning_to_learn.core import provenance, git_commit, save_json
    work = Path(tempfile.mkdtemp(prefix='ltl-fresh-'))
    clone = work/'clone'
    subprocess.run(['git', 'clone', '-q', str(ROOT), str(clone)], check=True)
    commands = readme_commands()
    train_test = commands[0]
    install, _, rest = train_test.partition(' && ltl_train')
    steps = [('install', install), ('main job', f". .venv/bin/activate && ltl_train{rest}")]   # together: the command
    if not a.skip_tests: steps.append(('tests', commands[1]))
    record = dict(provenance=provenance('tests/fresh_clone.py: the README set-up commands in a fresh clone and venv',
                                        commit_tested=git_commit(clone)), steps={})
    for name, command in steps:
        r = timed(command, clone, work/f'{name}.log')
        record['steps'][name] = r
        print(f"{name}: {r['seconds']/60:.1f} min, exit {r['returncode']}", flush=True)
        if r['returncode'] != 0:
            print((work/f'{name}.log').read_text()[-3000:]); return 1
    run = (clone/'models'/'latest').resolve()
    ask = lambda code: subprocess.run([str(clone/'.venv'/'bin'/'python'), '-c', code], cwd=clone, capture_output=True,
                                      text=True, check=True).stdout.strip()
    kanjivg = ask("import importlib.metadata as m; print(m.version('kanjivg'))")
    fingerprint = ask("from learning_to_learn.training import TrainConfig, load_splits; from learning_to_learn.sketches import "
                      "kanji_sketches; c = TrainConfig(); print(kanji_sketches(c.num_classes, c.num_training_samples, "
                      "c.data_seed, folder='data/kanji', progress=False).fingerprint)")
    config = json.loads((run/'config.json').read_text())
    record.update(results=json.loads((run/'results.json').read_text()),
                  validation_accuracy=[r['val_acc'] for r in json.loads((run/'model_results.json').read_text())],
                  data=dict(dataset=config['dataset'], kanjivg=kanjivg, fingerprint=fingerprint, splits=config['splits'],
                            classes=config['classes']),
                  settings={k: v for k, v in config.items() if k not in ('folder', 'output_folder', 'splits', 'classes')},
                  summary=(work/'main job.log').read_text().strip().splitlines()[-1])
    save_json(record, ROOT/'nbs'/'results'/'fresh_clone.json')
    shutil.rmtree(work)
    print(f"recorded in nbs/results/fresh_clone.json: {record['summary']}")
    return 0

if __name__ == '__main__': sys.exit(main())
