"""Run one app file with real Gradio on 127.0.0.1, for the benchmark.

Usage: ``bench/.venv-gradio/bin/python bench/gradio_app.py APP_FILE PORT``

The app file runs unchanged as ``__main__``, so its own ``demo.launch()`` starts the
server and blocks. The launch options come from Gradio's environment variables, which
``launch()`` reads when they are not passed: the address, the port and analytics off.
"""

import os
import runpy
import sys

if len(sys.argv) != 3:
    sys.exit("usage: gradio_app.py APP_FILE PORT")
app, port = sys.argv[1], sys.argv[2]
os.environ.update(
    GRADIO_SERVER_NAME="127.0.0.1",
    GRADIO_SERVER_PORT=port,
    GRADIO_ANALYTICS_ENABLED="False",
    HF_HUB_OFFLINE="1",
)
sys.argv = [app]
runpy.run_path(app, run_name="__main__")
