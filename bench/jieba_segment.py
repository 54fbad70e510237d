#!/usr/bin/python3
"""Time Debian's python3-jieba segmenting a corpus: the best-known peer of
cnplan's pipeline, which segments as one of its stages.

    /usr/bin/python3 bench/jieba_segment.py DIR_OR_FILE...

Reads every .txt file (UTF-8) under the arguments, loads jieba's dictionary
(timed apart), then cuts each document in jieba's default mode (accurate,
with HMM for unknown words), as jieba.lcut(text) does, on one core. Prints
one line: MB (10^6 bytes of UTF-8 input), seconds, MB/s, the load time, and
the CPU seconds of the segmentation (steadier than wall time on a shared
machine).
"""
import os
import sys
import time

import jieba


def files(args):
    for arg in args:
        if os.path.isdir(arg):
            for root, dirs, names in os.walk(arg):
                dirs.sort()
                for name in sorted(names):
                    if name.lower().endswith(".txt"):
                        yield os.path.join(root, name)
        else:
            yield arg


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    jieba.setLogLevel(60)
    t0 = time.perf_counter()
    jieba.initialize()
    load = time.perf_counter() - t0
    size = 0
    words = 0
    elapsed = 0.0
    cpu = 0.0
    for path in files(sys.argv[1:]):
        with open(path, "rb") as f:
            data = f.read()
        size += len(data)
        text = data.decode("utf-8", "replace")
        t, c = time.perf_counter(), time.process_time()
        words += len(jieba.lcut(text))
        elapsed += time.perf_counter() - t
        cpu += time.process_time() - c
    mb = size / 1e6
    print(f"jieba {jieba.__version__}: {mb:.1f} MB, {words} words in {elapsed:.1f} s "
          f"({mb / elapsed:.2f} MB/s, one core); dictionary load {load:.2f} s; cpu {cpu:.1f} s")


if __name__ == "__main__":
    main()
