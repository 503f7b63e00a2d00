#pragma once

#include <QByteArray>

namespace suanli::sync::tarstream {

/// GNU tar's format, written by hand for the one case the sync needs: regular files streamed
/// to `tar -x` on the instance (streamupload.cpp). Names past 100 bytes go in a GNU long-name
/// record, which GNU tar takes byte for byte whatever the instance's locale (a pax `path` is
/// converted from UTF-8); numbers that do not fit in octal use GNU's base-256 form.
constexpr qsizetype kBlock = 512;
/// GNU tar reads in records of 20 blocks; the stream ends on a whole one.
constexpr qsizetype kRecord = 20 * kBlock;

/// Appends a regular file's member: header(s), data, padding to a whole block.
void appendFile(QByteArray &out, const QByteArray &name, const char *data, qint64 size,
                quint32 mode, qint64 mtimeSeconds);
/// Appends a folder's member (name without the trailing slash; tar sets its mode and mtime
/// after what it holds is unpacked).
void appendDirectory(QByteArray &out, const QByteArray &name, quint32 mode, qint64 mtimeSeconds);
/// The end of the archive (two zero blocks), padded so that streamed + what this appends is
/// a whole record.
void appendEnd(QByteArray &out, qint64 streamed);

} // namespace suanli::sync::tarstream
