"""The default intimacy ladder and the features it unlocks. Operators edit both in the admin."""

from django.db import migrations

LEVELS = [
    # number, name, hearts, xp_required
    (0, "Stranger", 0, 0),
    (1, "Acquaintance", 0, 50),
    (2, "Friend", 1, 150),
    (3, "Close friend", 2, 400),
    (4, "Sweetheart", 3, 900),
    (5, "Soulmate", 3, 1800),
]

FEATURES = [
    # code, name, description, required_level
    ("nickname", "A nickname", "Your partner calls you by a nickname you choose.", 1),
    ("moments", "Moments", "Your partner's own feed: what they are up to, in their words.", 2),
    ("proactive_messages", "Messages first", "Your partner may write first: good mornings and check-ins.", 2),
    ("vacation_selfies", "Vacation selfies", "Selfies together at places you visit in your imagination.", 3),
]


def seed(apps, schema_editor):
    Level = apps.get_model("relationships", "Level")
    Feature = apps.get_model("relationships", "Feature")
    for number, name, hearts, xp_required in LEVELS:
        Level.objects.update_or_create(
            number=number, defaults={"name": name, "hearts": hearts, "xp_required": xp_required}
        )
    Relationship = apps.get_model("relationships", "Relationship")
    Partner = apps.get_model("relationships", "Partner")
    for partner in Partner.objects.filter(relationship__isnull=True):
        Relationship.objects.create(partner=partner)
    for code, name, description, required_level in FEATURES:
        Feature.objects.update_or_create(
            code=code,
            defaults={"name": name, "description": description, "required_level": required_level},
        )


class Migration(migrations.Migration):
    dependencies = [("relationships", "0003_progression")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
