#!/usr/bin/env python3
"""Prints the OpenBLAS kernel NumPy runs on this machine ("SkylakeX", "Haswell", ...), asking the
OpenBLAS library NumPy ships (no threadpoolctl needed); "unknown" if it cannot tell."""
import ctypes, glob, os, numpy
def corename():
    """Returns the kernel's name from the OpenBLAS in numpy.libs."""
    base = os.path.dirname(numpy.__file__)
    for lib in glob.glob(os.path.join(base, os.pardir, "numpy.libs", "*openblas*")) + glob.glob(os.path.join(base, ".libs", "*openblas*")):
        handle = ctypes.CDLL(lib)
        for name in ("scipy_openblas_get_corename64_", "scipy_openblas_get_corename", "openblas_get_corename64_", "openblas_get_corename"):
            f = getattr(handle, name, None)
            if f is not None:
                f.restype = ctypes.c_char_p
                return f().decode()
    return "unknown"
print(corename())
