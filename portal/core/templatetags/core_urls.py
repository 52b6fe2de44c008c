from django import template

from portal.core.urls import absolute_url as make_absolute

register = template.Library()


@register.filter
def absolute_url(target):
    """`{{ page|absolute_url }}` or `{{ "/en/path/"|absolute_url }}`: a link under PORTAL_BASE_URL."""
    return make_absolute(target)
