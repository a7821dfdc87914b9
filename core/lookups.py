"""`pk__in=[...]` with a number outside the column's range: such a value matches no row.

Django 5 already turns an out-of-range `exact`/`lt`/`gt` into an empty result; `in` still sends the
value to the database, where SQLite raises OverflowError and PostgreSQL "bigint out of range" (a 500).
A ModelMultipleChoiceField filters with `pk__in` on whatever was posted, so every multiple choice of
every form was a 500 with `programs=99999999999999999999`. Registered on IntegerField in CoreConfig.ready().
"""

from django.db.models import IntegerField
from django.db.models.lookups import In


class IntegerFieldIn(In):
    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value():
            low, high = connection.ops.integer_field_range(self.lhs.output_field.get_internal_type())
            self.rhs = [
                value
                for value in self.rhs
                if not isinstance(value, int) or ((low is None or value >= low) and (high is None or value <= high))
            ]
        return super().process_rhs(compiler, connection)


def register():
    IntegerField.register_lookup(IntegerFieldIn)
