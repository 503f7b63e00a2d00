#pragma once

#include "protocol/result.h"

#include <QString>

#include <cerrno>
#include <cstring>
#include <sys/stat.h>
#include <unistd.h>

// Small POSIX helpers shared by the transfer code (filetransfer.cpp, batchupload.cpp).
namespace suanli::sync::localio {

inline qint64 mtimeOf(const struct stat &st)
{
#if defined(__APPLE__)
    return qint64(st.st_mtimespec.tv_sec) * 1000000000 + st.st_mtimespec.tv_nsec;
#else
    return qint64(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
#endif
}

inline Error localError(const QString &code, const QString &what, const QByteArray &path, int error)
{
    return makeError(code, what.arg(QString::fromUtf8(path), QString::fromLocal8Bit(strerror(error))));
}

/// Reads exactly length bytes (less only at end of file); -1 on error.
inline qint64 readFully(int fd, char *buffer, qint64 length)
{
    qint64 total = 0;
    while (total < length) {
        const ssize_t n = ::read(fd, buffer + total, size_t(length - total));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        if (n == 0)
            break;
        total += n;
    }
    return total;
}

inline bool writeFully(int fd, const char *buffer, qint64 length)
{
    qint64 total = 0;
    while (total < length) {
        const ssize_t n = ::write(fd, buffer + total, size_t(length - total));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        total += n;
    }
    return true;
}

} // namespace suanli::sync::localio
