"""The upload forms of the data and invitation pages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from afterword.portability.spreadsheet import FIELDS, Sheet, column_letter

MAX_UPLOAD = 20 * 1024 * 1024


class UploadForm(forms.Form):
    file = forms.FileField(label="File")

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            raise ValidationError("The file is larger than 20 MB.")
        return upload


class ExportImportForm(UploadForm):
    # Two upload forms share the data page: their ids must differ.
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "export_%s")
        super().__init__(*args, **kwargs)

    file = forms.FileField(
        label="Afterword export (.json)",
        help_text="Adds its applications to yours and takes its settings; all or nothing.",
        widget=forms.ClearableFileInput(attrs={"accept": ".json,application/json"}),
    )


class SheetForm(UploadForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "sheet_%s")
        super().__init__(*args, **kwargs)

    file = forms.FileField(
        label="Spreadsheet (.csv)",
        help_text="One application per row; the first row names the columns.",
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )


class MappingForm(forms.Form):
    """Which column fills which field; choices are the sheet's columns."""

    def __init__(self, sheet: Sheet, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [("", "Not in the file")] + [
            (str(index), f"{column_letter(index)}: {header or '(no header)'}")
            for index, header in enumerate(sheet.headers)
        ]
        for name, (label, _words) in FIELDS.items():
            self.fields[name] = forms.ChoiceField(label=label, choices=choices, required=False)

    def mapping(self) -> dict[str, int | None]:
        return {
            name: int(value) if value not in ("", None) else None
            for name, value in self.cleaned_data.items()
        }


class InvitationForm(UploadForm):
    file = forms.FileField(
        label="Invitation (.ics)",
        help_text="Save the invitation from your calendar or email as an .ics file.",
        widget=forms.ClearableFileInput(attrs={"accept": ".ics,text/calendar"}),
    )
    application = forms.ChoiceField(label="For which application", required=False)

    def __init__(self, applications: list[tuple[str, str]], *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["application"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", "A new application"), *applications]
