#include "remotefs.h"

#include "pathrules.h"

#include <QCoreApplication>

namespace suanli::sync {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("suanli::sync::RemoteFs", text);
}

constexpr unsigned long kTypeMask = LIBSSH2_SFTP_S_IFMT;

} // namespace

Result<void> RemoteFs::open()
{
    auto sftp = m_session.sftp();
    if (!sftp)
        return sftp.error();
    m_sftp = *sftp;
    return {};
}

Error RemoteFs::sftpError(const QString &what, const QByteArray &path)
{
    const int sessionError = libssh2_session_last_errno(m_session.session());
    if (sessionError != LIBSSH2_ERROR_SFTP_PROTOCOL || m_session.wasAborted())
        return m_session.lastError(QStringLiteral("remote_failed"), what);
    const unsigned long status = m_session.lastSftpError();
    const QString file = QString::fromUtf8(path);
    switch (status) {
    case LIBSSH2_FX_NO_SPACE_ON_FILESYSTEM:
    case LIBSSH2_FX_QUOTA_EXCEEDED:
        return makeError(QStringLiteral("remote_disk_full"),
                         tr("The instance's disk is full while writing %1. What was sent is "
                            "kept and the next sync resumes; free space or grow the disk.")
                             .arg(file));
    case LIBSSH2_FX_PERMISSION_DENIED:
        return makeError(QStringLiteral("remote_permission_denied"),
                         tr("%1: permission denied on the instance.").arg(file));
    case LIBSSH2_FX_NO_SUCH_FILE:
    case LIBSSH2_FX_NO_SUCH_PATH:
        return makeError(QStringLiteral("remote_not_found"), tr("%1 does not exist on the instance.").arg(file));
    default:
        return makeError(QStringLiteral("remote_failed"),
                         tr("%1 failed for %2 on the instance (SFTP status %3).")
                             .arg(what, file)
                             .arg(status));
    }
}

Result<TreeListing> RemoteFs::listTree(const QByteArray &root, IgnoreRules &rules, NameRules names,
                                       QList<Issue> *issues, bool *exists)
{
    TreeListing listing;
    auto rootStat = lstat(root);
    if (!rootStat)
        return rootStat.error();
    *exists = rootStat->has_value();
    if (!*exists)
        return listing;
    QList<QByteArray> pending{QByteArray()};
    QByteArray name(4096, Qt::Uninitialized);
    while (!pending.isEmpty()) {
        const QByteArray relativeDir = pending.takeLast();
        const QByteArray dirPath = joinPath(root, relativeDir);
        LIBSSH2_SFTP_HANDLE *dir = libssh2_sftp_open_ex(m_sftp, dirPath.constData(),
                                                        unsigned(dirPath.size()), 0, 0,
                                                        LIBSSH2_SFTP_OPENDIR);
        if (!dir) {
            Error error = sftpError(tr("Listing"), dirPath);
            if (error.code == QStringLiteral("connection_lost"))
                return error;
            issues->append({relativeDir, error});
            continue;
        }
        QList<QByteArray> subdirs;
        QList<Entry> links;
        for (;;) {
            LIBSSH2_SFTP_ATTRIBUTES attrs{};
            const int n = libssh2_sftp_readdir_ex(dir, name.data(), size_t(name.size()), nullptr, 0, &attrs);
            if (n < 0) {
                Error error = sftpError(tr("Listing"), dirPath);
                libssh2_sftp_closedir(dir);
                if (error.code == QStringLiteral("connection_lost"))
                    return error;
                issues->append({relativeDir, error});
                break;
            }
            if (n == 0)
                break;
            const QByteArray item(name.constData(), n);
            if (item == "." || item == "..")
                continue;
            const QByteArray relative = relativeDir.isEmpty() ? item : relativeDir + '/' + item;
            // A hostile or broken server could name an entry "../x" or "a/b".
            if (auto safe = checkRelativePath(relative); !safe || item.contains('/')) {
                issues->append({relative, safe ? makeError(QStringLiteral("unsafe_path"), tr("Refused a name with '/' from the instance.")) : safe.error()});
                continue;
            }
            const unsigned long type = attrs.permissions & kTypeMask;
            if (isPartialName(item)) {
                if (type == LIBSSH2_SFTP_S_IFREG) {
                    const QByteArray original = item.mid(1, item.size() - 1 - qsizetype(strlen(".suanli-partial")));
                    listing.partials.insert(relativeDir.isEmpty() ? original : relativeDir + '/' + original,
                                            qint64(attrs.filesize));
                }
                continue;
            }
            Entry entry;
            entry.path = relative;
            entry.size = qint64(attrs.filesize);
            entry.mtimeNs = qint64(attrs.mtime) * 1000000000;
            entry.mode = quint32(attrs.permissions & 07777);
            if (type == LIBSSH2_SFTP_S_IFDIR)
                entry.type = EntryType::Directory;
            else if (type == LIBSSH2_SFTP_S_IFREG)
                entry.type = EntryType::File;
            else if (type == LIBSSH2_SFTP_S_IFLNK)
                entry.type = EntryType::Symlink;
            else
                continue;
            if (rules.isIgnored(relative, entry.type == EntryType::Directory))
                continue;
            if (auto invalid = checkName(item, names)) {
                issues->append({relative, *invalid});
                continue;
            }
            if (entry.type == EntryType::Directory)
                subdirs.append(relative);
            if (entry.type == EntryType::Symlink)
                links.append(entry);
            else
                listing.entries.append(std::move(entry));
        }
        libssh2_sftp_closedir(dir);
        for (Entry &link : links) {
            auto target = readLink(joinPath(root, link.path));
            if (!target)
                return target.error();
            link.linkTarget = *target;
            listing.entries.append(std::move(link));
        }
        std::sort(subdirs.begin(), subdirs.end(), std::greater<>());
        pending.append(subdirs);
    }
    return listing;
}

Result<std::optional<LIBSSH2_SFTP_ATTRIBUTES>> RemoteFs::lstat(const QByteArray &path)
{
    LIBSSH2_SFTP_ATTRIBUTES attrs{};
    if (libssh2_sftp_stat_ex(m_sftp, path.constData(), unsigned(path.size()), LIBSSH2_SFTP_LSTAT,
                             &attrs) == 0) {
        return std::optional<LIBSSH2_SFTP_ATTRIBUTES>(attrs);
    }
    Error error = sftpError(tr("Reading attributes"), path);
    if (error.code == QStringLiteral("remote_not_found"))
        return std::optional<LIBSSH2_SFTP_ATTRIBUTES>();
    return error;
}

Result<void> RemoteFs::makeDirectory(const QByteArray &path, quint32 mode)
{
    if (libssh2_sftp_mkdir_ex(m_sftp, path.constData(), unsigned(path.size()), long(mode ? mode : 0755)) == 0)
        return {};
    Error error = sftpError(tr("Creating the folder"), path);
    // Created meanwhile (another session) is fine when it is a folder.
    auto attrs = lstat(path);
    if (attrs && attrs->has_value() && ((*attrs)->permissions & kTypeMask) == LIBSSH2_SFTP_S_IFDIR)
        return {};
    return error;
}

Result<void> RemoteFs::makePath(const QByteArray &path)
{
    QByteArray current = path.startsWith('/') ? QByteArray("/") : QByteArray();
    for (const QByteArray &part : path.split('/')) {
        if (part.isEmpty())
            continue;
        current = current.isEmpty() ? part : joinPath(current, part);
        auto attrs = lstat(current);
        if (!attrs)
            return attrs.error();
        if (attrs->has_value()) {
            const unsigned long type = (*attrs)->permissions & kTypeMask;
            if (type == LIBSSH2_SFTP_S_IFDIR)
                continue;
            if (type == LIBSSH2_SFTP_S_IFLNK) {
                LIBSSH2_SFTP_ATTRIBUTES followed{};
                if (libssh2_sftp_stat_ex(m_sftp, current.constData(), unsigned(current.size()),
                                         LIBSSH2_SFTP_STAT, &followed) == 0 &&
                    (followed.permissions & kTypeMask) == LIBSSH2_SFTP_S_IFDIR)
                    continue; // the user's root may go through a link (e.g. /workspace)
            }
            return makeError(QStringLiteral("type_conflict"),
                             tr("%1 exists on the instance and is not a folder.")
                                 .arg(QString::fromUtf8(current)));
        }
        if (auto made = makeDirectory(current, 0755); !made)
            return made.error();
    }
    return {};
}

Result<void> RemoteFs::setAttributes(const QByteArray &path, qint64 mtimeSeconds, quint32 mode)
{
    LIBSSH2_SFTP_ATTRIBUTES attrs{};
    attrs.flags = LIBSSH2_SFTP_ATTR_ACMODTIME | LIBSSH2_SFTP_ATTR_PERMISSIONS;
    attrs.atime = static_cast<unsigned long>(mtimeSeconds);
    attrs.mtime = static_cast<unsigned long>(mtimeSeconds);
    attrs.permissions = mode & 07777;
    if (libssh2_sftp_stat_ex(m_sftp, path.constData(), unsigned(path.size()), LIBSSH2_SFTP_SETSTAT,
                             &attrs) == 0)
        return {};
    return sftpError(tr("Setting attributes"), path);
}

Result<void> RemoteFs::renameOver(const QByteArray &from, const QByteArray &to, bool targetExists)
{
    const auto rename = [&] {
        return libssh2_sftp_rename_ex(m_sftp, from.constData(), unsigned(from.size()), to.constData(),
                                      unsigned(to.size()),
                                      LIBSSH2_SFTP_RENAME_OVERWRITE | LIBSSH2_SFTP_RENAME_ATOMIC |
                                          LIBSSH2_SFTP_RENAME_NATIVE);
    };
    if (!targetExists && rename() == 0)
        return {};
    libssh2_sftp_unlink_ex(m_sftp, to.constData(), unsigned(to.size()));
    if (rename() == 0)
        return {};
    return sftpError(tr("Renaming into place"), to);
}

Result<void> RemoteFs::removeFile(const QByteArray &path)
{
    if (libssh2_sftp_unlink_ex(m_sftp, path.constData(), unsigned(path.size())) == 0)
        return {};
    return sftpError(tr("Deleting"), path);
}

Result<void> RemoteFs::removeDirectory(const QByteArray &path)
{
    if (libssh2_sftp_rmdir_ex(m_sftp, path.constData(), unsigned(path.size())) == 0)
        return {};
    return sftpError(tr("Deleting the folder"), path);
}

Result<void> RemoteFs::makeSymlink(const QByteArray &path, const QByteArray &target)
{
    // OpenSSH's sftp-server takes SSH_FXP_SYMLINK's arguments in the opposite order to the
    // draft (a long-standing quirk kept for compatibility): libssh2 sends (path, target) as
    // given, so the target goes first to get "path -> target".
    if (libssh2_sftp_symlink_ex(m_sftp, target.constData(), unsigned(target.size()),
                                const_cast<char *>(path.constData()), unsigned(path.size()),
                                LIBSSH2_SFTP_SYMLINK) == 0)
        return {};
    return sftpError(tr("Creating the link"), path);
}

Result<QByteArray> RemoteFs::readLink(const QByteArray &path)
{
    QByteArray target(4096, Qt::Uninitialized);
    const int n = libssh2_sftp_symlink_ex(m_sftp, path.constData(), unsigned(path.size()),
                                          target.data(), unsigned(target.size()),
                                          LIBSSH2_SFTP_READLINK);
    if (n < 0)
        return sftpError(tr("Reading the link"), path);
    target.resize(n);
    return target;
}

Result<qint64> RemoteFs::freeSpace(const QByteArray &path)
{
    LIBSSH2_SFTP_STATVFS st{};
    if (libssh2_sftp_statvfs(m_sftp, path.constData(), size_t(path.size()), &st) != 0)
        return sftpError(tr("Reading free space"), path);
    return qint64(st.f_bavail) * qint64(st.f_frsize);
}

bool RemoteFs::probeHashCommand()
{
    auto result = m_session.exec(QByteArrayLiteral("sha256sum --version"));
    return result && result->exitStatus == 0;
}

Result<QList<QByteArray>> RemoteFs::sha256(const QList<QByteArray> &paths)
{
    QList<QByteArray> hashes;
    if (paths.isEmpty())
        return hashes;
    QByteArray command = "sha256sum --";
    for (const QByteArray &path : paths)
        command += ' ' + ssh::shellQuote(path);
    auto result = m_session.exec(command);
    if (!result)
        return result.error();
    const QList<QByteArray> lines = result->out.split('\n');
    // sha256sum leaves out files it could not read, so the lines only line up when all worked;
    // otherwise each file is asked on its own.
    if (result->exitStatus == 0 && lines.size() >= paths.size()) {
        for (qsizetype i = 0; i < paths.size(); ++i) {
            QByteArray line = lines.at(i);
            if (line.startsWith('\\'))
                line.remove(0, 1); // names with '\' or newline are escaped and flagged so
            hashes.append(QByteArray::fromHex(line.left(64)));
        }
        return hashes;
    }
    if (paths.size() == 1)
        return QList<QByteArray>{QByteArray()};
    for (const QByteArray &path : paths) {
        auto one = sha256({path});
        if (!one)
            return one.error();
        hashes.append(one->constFirst());
    }
    return hashes;
}

Result<QByteArray> RemoteFs::sha256Prefix(const QByteArray &path, qint64 length)
{
    const QByteArray command = "head -c " + QByteArray::number(length) + " -- " +
                               ssh::shellQuote(path) + " | sha256sum";
    auto result = m_session.exec(command);
    if (!result)
        return result.error();
    if (result->exitStatus != 0)
        return QByteArray();
    return QByteArray::fromHex(result->out.left(64));
}

} // namespace suanli::sync
