#!/usr/bin/python3
"""Cut standard input with Debian's python3-jieba, line by line, in its
default mode (jieba.lcut: accurate, HMM for unknown words), printing the
words of each line separated by spaces: the peer that bench/bakeoff scores
beside cnplan.

    /usr/bin/python3 bench/jieba_cut.py < text.txt
"""
import sys

import jieba


def main():
    jieba.setLogLevel(60)
    jieba.initialize()
    out = sys.stdout
    for line in sys.stdin:
        out.write(" ".join(w for w in jieba.lcut(line.rstrip("\r\n")) if w.strip()))
        out.write("\n")


if __name__ == "__main__":
    main()
