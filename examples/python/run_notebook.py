#!/usr/bin/env python3
"""Runs the code cells of a Jupyter notebook in order, in one namespace, as a kernel would.

    python3 examples/python/run_notebook.py examples/python/notebook.ipynb --base http://127.0.0.1:5080 [--write]

Each cell's printed output and every matplotlib figure it draws are collected; with --write they are stored in the
notebook as its outputs (so that it reads well on a code host without being run), otherwise they are printed. It
needs only the standard library plus what the notebook imports; the tests run it against a started API. It exits 1,
naming the cell, when a cell fails.
"""
import argparse
import base64
import contextlib
import io
import json
import os
import sys
import traceback


def figures_as_png():
    """The open matplotlib figures as PNG bytes, closed afterwards (none when matplotlib is not loaded)."""
    if "matplotlib.pyplot" not in sys.modules:
        return []
    plt = sys.modules["matplotlib.pyplot"]
    images = []
    for number in plt.get_fignums():
        buffer = io.BytesIO()
        plt.figure(number).savefig(buffer, format="png", dpi=96, bbox_inches="tight")
        images.append(buffer.getvalue())
    plt.close("all")
    return images


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebook")
    parser.add_argument("--base", default=os.environ.get("OHD_BASE", "http://127.0.0.1:5080"), help="API base URL")
    parser.add_argument("--write", action="store_true", help="store the outputs in the notebook")
    args = parser.parse_args()
    os.environ["OHD_BASE"] = args.base.rstrip("/")
    os.environ.setdefault("MPLBACKEND", "Agg")  # no display

    with open(args.notebook, encoding="utf-8") as f:
        notebook = json.load(f)
    namespace = {"__name__": "__main__"}
    count = 0
    for index, cell in enumerate(notebook["cells"]):
        if cell["cell_type"] != "code":
            continue
        count += 1
        source = "".join(cell["source"])
        printed = io.StringIO()
        try:
            with contextlib.redirect_stdout(printed):
                exec(compile(source, f"<cell {count}>", "exec"), namespace)
        except Exception:
            sys.stdout.write(printed.getvalue())
            print(f"cell {count} (notebook cell {index}) failed:", file=sys.stderr)
            traceback.print_exc()
            return 1
        text = printed.getvalue()
        images = figures_as_png()
        sys.stdout.write(text)
        for image in images:
            print(f"[figure: {len(image)} bytes of PNG]")
        outputs = []
        if text:
            outputs.append({"name": "stdout", "output_type": "stream", "text": text.splitlines(keepends=True)})
        for image in images:
            outputs.append({"output_type": "display_data", "metadata": {},
                            "data": {"image/png": base64.b64encode(image).decode("ascii"), "text/plain": ["<Figure>"]}})
        cell["outputs"] = outputs
        cell["execution_count"] = count

    if args.write:
        with open(args.notebook, "w", encoding="utf-8") as f:
            json.dump(notebook, f, ensure_ascii=False, indent=1)
            f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
