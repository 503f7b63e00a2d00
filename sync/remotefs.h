#pragma once

#include "ignorerules.h"
#include "localtree.h"
#include "synctypes.h"

#include "ssh/blockingsession.h"

#include <optional>

namespace suanli::sync {

/// The file operations the engine needs on the instance, over one BlockingSession's SFTP
/// channel plus exec for hashing. Same thread as the session, always.
class RemoteFs
{
public:
    explicit RemoteFs(ssh::BlockingSession &session)
        : m_session(session)
    {
    }

    Result<void> open();
    LIBSSH2_SFTP *sftp() const { return m_sftp; }
    ssh::BlockingSession &session() { return m_session; }

    /// Lists root without following links; names that are unsafe or invalid for `names` become
    /// issues. exists is false (and the listing empty) when root is not there.
    Result<TreeListing> listTree(const QByteArray &root, IgnoreRules &rules, NameRules names,
                                 QList<Issue> *issues, bool *exists);
    Result<std::optional<LIBSSH2_SFTP_ATTRIBUTES>> lstat(const QByteArray &path);
    Result<void> makeDirectory(const QByteArray &path, quint32 mode);
    /// mkdir -p of an absolute or home-relative path.
    Result<void> makePath(const QByteArray &path);
    Result<void> setAttributes(const QByteArray &path, qint64 mtimeSeconds, quint32 mode);
    /// Replaces `to` with `from`. SFTPv3 rename refuses an existing target and libssh2 1.10
    /// has no posix-rename@openssh.com, so an existing file is removed first: `to` may be
    /// missing for a moment, but never holds a truncated file.
    Result<void> renameOver(const QByteArray &from, const QByteArray &to, bool targetExists);
    Result<void> removeFile(const QByteArray &path);
    Result<void> removeDirectory(const QByteArray &path);
    Result<void> makeSymlink(const QByteArray &path, const QByteArray &target);
    Result<QByteArray> readLink(const QByteArray &path);
    /// Free bytes for an unprivileged user on the file system holding path (statvfs@openssh.com).
    Result<qint64> freeSpace(const QByteArray &path);

    /// Whether `sha256sum` runs on the instance (coreutils: nearly always).
    bool probeHashCommand();
    /// SHA-256 of each path (raw 32 bytes, empty where it could not be read), by one command.
    Result<QList<QByteArray>> sha256(const QList<QByteArray> &paths);
    /// SHA-256 of the first length bytes of path.
    Result<QByteArray> sha256Prefix(const QByteArray &path, qint64 length);

    /// An error for the last failed SFTP call on path; codes: connection_lost,
    /// remote_disk_full, remote_permission_denied, remote_failed.
    Error sftpError(const QString &what, const QByteArray &path);

private:
    ssh::BlockingSession &m_session;
    LIBSSH2_SFTP *m_sftp = nullptr;
};

} // namespace suanli::sync
