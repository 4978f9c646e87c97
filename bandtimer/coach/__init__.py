"""The application layer: between the domain and storage below and the screens above.

What a workout needs beyond the pure domain and the files: recording a workout as it goes, the
view of it a screen draws, which cue to play, history export, each exercise's dose and how it
moves, whether an unfinished workout can be resumed, and the words and numbers a person reads.
No Textual here; the screens and the command line call these.

Names are imported on first use (see `bandtimer.lazy_face`), so the menu loads only what it needs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bandtimer.lazy_face import lazy_face

if TYPE_CHECKING:
    from bandtimer.coach.announcer import Announcer, Phrases
    from bandtimer.coach.cues import choose_cue
    from bandtimer.coach.doses import (
        DoseBook,
        DosePreview,
        WorkoutDoses,
        dose_changes,
        doses_for,
        entries_of,
        recorded_doses,
    )
    from bandtimer.coach.formatting import (
        clock_time,
        countdown_digits,
        describe_band,
        describe_dose,
        describe_segment,
        plural,
        shown_path,
        side_label,
        whole_seconds,
    )
    from bandtimer.coach.history_export import (
        CSV_ROWS,
        JSON_TEXT,
        LISTING_COLUMNS,
        NO_WORKOUTS,
        chronological,
        csv_document,
        csv_pieces,
        json_document,
        json_pieces,
        listing_row,
        records_to_json,
        streak_line,
        totals_line,
        write_csv,
    )
    from bandtimer.coach.history_glance import HistoryGlance
    from bandtimer.coach.recording import WorkoutRecorder, begin_workout
    from bandtimer.coach.resume import Unfinished, find_resumable, is_of, unfinished_workouts
    from bandtimer.coach.speech import Line, choose_line, opening_phrases, phrases_for
    from bandtimer.coach.workout_view import (
        RepCount,
        WorkoutView,
        describe,
        reps_question,
        until_change,
    )

_WHERE = {
    **dict.fromkeys(["Announcer", "Phrases"], "announcer"),
    "choose_cue": "cues",
    **dict.fromkeys(
        ["clock_time", "countdown_digits", "describe_band", "describe_dose", "describe_segment",
         "plural", "shown_path", "side_label", "whole_seconds"],
        "formatting",
    ),
    **dict.fromkeys(
        ["DoseBook", "DosePreview", "WorkoutDoses", "dose_changes", "doses_for", "entries_of",
         "recorded_doses"],
        "doses",
    ),
    **dict.fromkeys(
        ["CSV_ROWS", "JSON_TEXT", "LISTING_COLUMNS", "NO_WORKOUTS", "chronological",
         "csv_document", "csv_pieces", "json_document", "json_pieces", "listing_row",
         "records_to_json", "streak_line", "totals_line", "write_csv"],
        "history_export",
    ),
    "HistoryGlance": "history_glance",
    **dict.fromkeys(["WorkoutRecorder", "begin_workout"], "recording"),
    **dict.fromkeys(["Unfinished", "find_resumable", "is_of", "unfinished_workouts"], "resume"),
    **dict.fromkeys(["Line", "choose_line", "opening_phrases", "phrases_for"], "speech"),
    **dict.fromkeys(
        ["RepCount", "WorkoutView", "describe", "reps_question", "until_change"], "workout_view"
    ),
}  # fmt: skip

__all__ = [
    "CSV_ROWS",
    "JSON_TEXT",
    "LISTING_COLUMNS",
    "NO_WORKOUTS",
    "Announcer",
    "DoseBook",
    "DosePreview",
    "HistoryGlance",
    "Line",
    "Phrases",
    "RepCount",
    "Unfinished",
    "WorkoutDoses",
    "WorkoutRecorder",
    "WorkoutView",
    "begin_workout",
    "choose_cue",
    "choose_line",
    "chronological",
    "clock_time",
    "countdown_digits",
    "csv_document",
    "csv_pieces",
    "describe",
    "describe_band",
    "describe_dose",
    "describe_segment",
    "dose_changes",
    "doses_for",
    "entries_of",
    "find_resumable",
    "is_of",
    "json_document",
    "json_pieces",
    "listing_row",
    "opening_phrases",
    "phrases_for",
    "plural",
    "recorded_doses",
    "records_to_json",
    "reps_question",
    "shown_path",
    "side_label",
    "streak_line",
    "totals_line",
    "unfinished_workouts",
    "until_change",
    "whole_seconds",
    "write_csv",
]

__getattr__ = lazy_face(__name__, _WHERE)
