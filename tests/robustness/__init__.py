"""Robustness: what a person's machine does to bandtimer that nobody planned for.

Where each requirement is tested (here, or elsewhere when it already was):

- Any routine file ends in a Routine or a RoutineError naming the file, never a hang:
  `test_routine_fuzz.py` (random bytes, routine-shaped documents, any valid TOML with dates and
  nesting, each shipped routine with one field changed, the line scanner).
- A history that cannot be written (a file where a folder should be, a read-only file system,
  a full disk) or that disappears mid-workout: through WorkoutRecorder in
  `test_filesystem_faults.py`, through the app in `test_filesystem_faults_app.py`. The atomic
  write itself: tests/storage/test_atomic.py.
- SIGKILL at any moment keeps every finished set and every file readable:
  `test_kill_anywhere.py` (50 seeded kills). Resuming after a kill: tests/test_kill_mid_workout.py.
- The wall clock never moves a countdown (source scan, jumping wall clock, jumping `time.time`),
  and a whole workout at 20×6 and at 300×100: `test_clock.py`.
- A storm of resizes during a countdown, on every screen, keeping the time: tests/ui/
  test_odd_terminals.py (`test_a_storm_of_resizes_does_not_raise_on_any_screen`,
  `test_resizing_during_a_countdown_keeps_the_time`), with 60×20 and 30×10 workouts.
"""
