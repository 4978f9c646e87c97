"""Settings: defaults without a file, a person's own bands, and a broken file that never crashes."""

from __future__ import annotations

import pytest

from bandtimer.domain.progression import DEFAULT_BANDS, BandColour
from bandtimer.storage.config import Config, SoundSettings, load_config


def test_a_missing_file_means_the_defaults_and_is_not_created(tmp_path):
    path = tmp_path / "config.toml"

    config, problems = load_config(path)

    assert config == Config()
    assert problems == []
    assert not path.exists()


def test_the_defaults_are_the_articles_colour_code_and_two_sessions_a_week():
    config = Config()

    assert [(band.name, band.strength) for band in config.bands] == [
        ("green", "extra light"),
        ("blue", "light"),
        ("yellow", "medium"),
        ("red", "heavy"),
        ("black", "extra heavy"),
    ]
    assert config.weekly_target == 2
    assert config.device == ""


def test_a_person_s_own_three_bands_replace_the_defaults(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text(
        """
        weekly_target = 3
        device = " laptop "

        [[band]]
        name = "yellow"
        strength = "light"

        [[band]]
        name = "red"
        strength = "medium"

        [[band]]
        name = "purple"
        """,
        encoding="utf-8",
    )

    config, problems = load_config(path)

    assert problems == []
    assert config == Config(
        bands=(BandColour("yellow", "light"), BandColour("red", "medium"), BandColour("purple")),
        weekly_target=3,
        device="laptop",
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"weekly_target = [", "is not valid TOML: "),
        (b"weekly_target = 3\xff", "is not UTF-8 text"),
        pytest.param(
            b"weekly_target = " + b"9" * 5000, "holds a number thousands of digits long", id="huge"
        ),
    ],
)
def test_a_broken_file_gives_the_defaults_a_message_and_stays_as_it_was(tmp_path, content, message):
    path = tmp_path / "config.toml"
    path.write_bytes(content)
    before = path.stat().st_mtime_ns

    config, problems = load_config(path)

    assert config == Config()
    (problem,) = problems
    assert problem.startswith(f"{path}: {message}")
    assert problem.endswith("using the default settings")
    assert path.read_bytes() == content
    assert path.stat().st_mtime_ns == before


@pytest.mark.parametrize(
    ("content", "expected", "message"),
    [
        (
            'weekly_target = "two"',
            Config(),
            'weekly_target must be a whole number from 1 to 14, got "two"; using 2',
        ),
        ("weekly_target = 0", Config(), "got 0; using 2"),
        ("weekly_target = true", Config(), "got true; using 2"),
        ("weekly_target = 3\nwekly_target = 4", Config(weekly_target=3), 'unknown setting "wekly'),
        ("band = []", Config(), "band must be one or more [[band]] tables, got []"),
        ("weekly_target = 4\n[[band]]\nstrength = 'x'", Config(weekly_target=4), "band 1 needs"),
        (
            "[[band]]\nname = 'red'\n[[band]]\nname = 'Red'",
            Config(),
            'band 2: "Red" is listed twice; using the default bands',
        ),
        ("[[band]]\nname = 'red'\ncolour = 'x'", Config(), 'unknown key "colour"'),
        ("device = 3", Config(), "device must be text, got 3"),
    ],
)
def test_a_wrong_setting_falls_back_alone_and_says_why(tmp_path, content, expected, message):
    path = tmp_path / "config.toml"
    path.write_text(content, encoding="utf-8")

    config, problems = load_config(path)

    assert config == expected
    (problem,) = problems
    assert problem.startswith(f"{path}: ")
    assert message in problem
    assert config.bands == DEFAULT_BANDS


def test_a_folder_where_the_file_should_be_is_a_message(tmp_path):
    path = tmp_path / "config.toml"
    path.mkdir()

    config, problems = load_config(path)

    assert config == Config()
    assert problems == [f"{path}: is a folder, not a settings file; using the default settings"]


def test_the_sound_table_sets_the_voice_its_speed_and_the_volume(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text(
        '[sound]\nvoice = false\nvoice_name = "en-gb"\nrate = 200\nvolume = 0.5\n',
        encoding="utf-8",
    )

    config, problems = load_config(path)

    assert problems == []
    assert config.sound == SoundSettings(voice=False, voice_name="en-gb", rate=200, volume=0.5)
    assert Config().sound == SoundSettings(voice=True, voice_name="en-us", rate=170, volume=0.8)


def test_each_bad_sound_setting_is_reported_and_only_it_falls_back(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text(
        '[sound]\nvoice = "yes"\nvoice_name = "-x --compile"\nrate = 1000\nvolume = 2\n'
        "volum = 0.5\n",
        encoding="utf-8",
    )

    config, problems = load_config(path)

    assert config.sound == SoundSettings()
    assert problems == [
        f'{path}: unknown setting "sound.volum" is ignored',
        f'{path}: sound.voice must be true or false, got "yes"; using true',
        f'{path}: sound.voice_name must be an espeak-ng voice name such as "en-us", '
        'got "-x --compile"; using "en-us"',
        f"{path}: sound.rate must be a whole number of words a minute from 80 to 450, "
        "got 1000; using 170",
        f"{path}: sound.volume must be a number from 0.0 to 1.0, got 2; using 0.8",
    ]


def test_a_sound_setting_that_is_not_a_table_is_reported(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('sound = "loud"\n', encoding="utf-8")

    config, problems = load_config(path)

    assert config.sound == SoundSettings()
    assert problems == [f'{path}: sound must be a [sound] table, got "loud"; ignored']
