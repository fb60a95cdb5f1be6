"""Command line: scan situation files for personal data.  python -m ks.tools.privacy [FILE ...]"""
import sys

from ks.catalogue.privacy import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
