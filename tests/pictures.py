"""Real small images for picture tests (made with Pillow) and a reader of the <img> tags of a page."""

import io
from html.parser import HTMLParser

from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PillowImage
from wagtail.images import get_image_model


def png_bytes(width=160, height=90, colour=(14, 58, 102)):
    out = io.BytesIO()
    PillowImage.new("RGB", (width, height), colour).save(out, format="PNG")
    return out.getvalue()


def picture(title="Test picture", width=1600, height=900):
    """A Wagtail image with a real PNG file, large enough for every rendition the templates ask for."""
    return get_image_model().objects.create(
        title=title, file=ImageFile(io.BytesIO(png_bytes(width, height)), name="test-picture.png")
    )


def png_upload(name="logo.png", width=120, height=80):
    return SimpleUploadedFile(name, png_bytes(width, height), content_type="image/png")


class _Images(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self.found.append(dict(attrs))

    handle_startendtag = handle_starttag


def images(html, css_class=None):
    """The attributes of each <img> of the page (with `css_class` among its classes, if given)."""
    parser = _Images()
    parser.feed(html)
    return [image for image in parser.found if css_class is None or css_class in image.get("class", "").split()]


def srcset_widths(image):
    """The widths offered in an <img srcset>, e.g. ["480w", "960w"]."""
    return [candidate.split()[-1] for candidate in image["srcset"].split(",")]
