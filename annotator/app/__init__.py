"""The application layer, without Qt: an open document (load, lock, recovery, save), the coding
state, the commands the window binds to keys, and the issues of the open set; the GUI is a thin
layer over it, and tests drive it directly."""
