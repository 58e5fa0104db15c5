"""Image messages: what a photo a user sends goes through (docs/images.md).

Pure modules, no models: `decode` (safe decoding and the stored copy), `perception` (what runs
offline: text, faces, light, colours, shape, and the honest prompt lines), `nsfw` (the screen
and its policy). The upload endpoint and the chat turn call them; the vision model's content
part is built in `project.llm.vision`.
"""
