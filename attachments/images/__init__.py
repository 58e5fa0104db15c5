"""Image messages: what a photo a user sends goes through (docs/images.md).

Pure modules, no models: `decode` (safe decoding and the stored copy), `perception` (what runs
offline: text, faces, light, colours, shape, and the honest prompt lines), `nsfw` (the screen
and its policy), and `pipeline.image_process`, the worker's whole pixel work in order. The
upload endpoint calls `decode.image_probe`; the worker `pipeline.image_process`; the vision
model's content part is built in `project.llm.vision`.
"""
