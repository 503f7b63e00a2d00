#pragma once

#include <QByteArray>

/// The project's one tar writer, GNU tar's format written by hand for the two archives it makes:
/// the files and folders the sync streams to `tar -x` on an instance (sync/streamupload.cpp)
/// and the files the host agent hands into a new container through `podman cp -`
/// (host/containerruntime.cpp). Names past 100 bytes go in a GNU long-name record, which GNU tar
/// takes byte for byte whatever the instance's locale (a pax `path` is converted from UTF-8) and
/// Go's archive/tar (Podman) reads too; numbers that do not fit in octal use GNU's base-256
/// form. Every member is owned by root (uid, gid 0, user and group names "root"): `tar -x
/// --no-same-owner` ignores that, `podman cp` makes the files root's in the container.
///
/// It lives in protocol/ because both writers' users link it and it needs Qt Core only: the
/// format of bytes handed over a pipe, like the JSON wire types.
namespace suanli::protocol::tarstream {
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

} // namespace suanli::protocol::tarstream
