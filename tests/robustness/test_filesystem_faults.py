"""A history that cannot be written: the workout goes on, the person is told once, nothing breaks.

Each fault (disk_faults.py) is tried here through WorkoutRecorder on its own, on a fake clock,
from the first save to a rating after the end; through the real app in
test_filesystem_faults_app.py. In every case: the workout reaches its end, exactly one message
says the record could not be saved, and the records already on disk are byte for byte as they
were, still load, and have no temporary file left next to them. A history folder deleted
mid-workout is simply made again by the next save.
"""

from __future__ import annotations

import shutil

from bandtimer.domain.history import WorkoutStatus
from tests.robustness.disk_faults import Fault
from tests.robustness.history_home import SETS, STARTED, Home, begin


def test_recorder_a_fault_from_the_start_is_told_once_and_the_workout_ends(
    home: Home, fault: Fault
) -> None:
    fault.start(home.history)
    workout = begin(home)
    workout.to_the_end()
    workout.recorder.save()  # a rating after the end saves once more
    assert workout.recorder.take_problem() is None

    assert len(workout.told) == 1, (fault.name, workout.told)
    assert fault.reason in workout.told[0]
    assert not workout.recorder.saved
    fault.stop(home.history)
    home.assert_untouched()
    assert home.files().keys() == home.before.keys()


def test_recorder_a_fault_in_mid_workout_keeps_the_last_good_save_and_recovers(
    home: Home, fault: Fault
) -> None:
    workout = begin(home)
    workout.step(5)  # the first set is done and saved
    assert workout.recorder.saved
    in_progress = home.files()
    [name] = in_progress.keys() - home.before.keys()

    fault.start(home.history)
    for _ in range(10):  # the second set ends while nothing can be written
        workout.step()
    assert len(workout.told) == 1
    assert not workout.recorder.saved
    fault.stop(home.history)
    assert home.files()[name] == in_progress[name], "a failed save changed the file"

    workout.to_the_end()
    assert len(workout.told) == 1
    assert workout.recorder.saved
    [record] = [r for r in home.store().load_all().records if r.started == STARTED]
    assert record.status is WorkoutStatus.COMPLETED
    assert record.sets_done == SETS
    home.assert_untouched()


def test_recorder_a_history_folder_deleted_mid_workout_is_made_again(home: Home) -> None:
    workout = begin(home)
    workout.step(5)
    shutil.rmtree(home.history)
    workout.to_the_end()

    assert workout.told == []
    [record] = home.store().load_all().records
    assert record.status is WorkoutStatus.COMPLETED
    assert record.sets_done == SETS
    assert home.store().unfinished() == []
