#include "localtree.h"

#include "pathrules.h"

#include <QCoreApplication>
#include <QFile>

#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace suanli::sync {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("suanli::sync::LocalTree", text);
}

Error errnoError(const QString &code, const QString &what, const QByteArray &path, int error)
{
    return makeError(code, what.arg(QString::fromUtf8(path), QString::fromLocal8Bit(strerror(error))));
}

qint64 mtimeOf(const struct stat &st)
{
#if defined(__APPLE__)
    return qint64(st.st_mtimespec.tv_sec) * 1000000000 + st.st_mtimespec.tv_nsec;
#else
    return qint64(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
#endif
}

/// A file's bytes, or nothing when it cannot be opened (absent).
std::optional<QByteArray> readWhole(const QByteArray &path)
{
    const int fd = ::open(path.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return std::nullopt;
    QByteArray content;
    char buffer[65536];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        content.append(buffer, qsizetype(n));
    }
    ::close(fd);
    return content;
}

} // namespace

Result<TreeListing> scanLocalTree(const QString &rootPath, IgnoreRules &rules, QList<Issue> *issues)
{
    const QByteArray root = localfs::encode(rootPath);
    struct stat rootStat{};
    if (::stat(root.constData(), &rootStat) != 0 || !S_ISDIR(rootStat.st_mode)) {
        return errnoError(QStringLiteral("local_folder_missing"),
                          tr("The local folder %1 cannot be read: %2"), root, errno ? errno : ENOTDIR);
    }
    TreeListing listing;
    QList<QByteArray> pending{QByteArray()};
    while (!pending.isEmpty()) {
        const QByteArray relativeDir = pending.takeLast();
        const QByteArray dirPath = joinPath(root, relativeDir);
        // The folder's .suanliignore first: its rules apply to its own entries.
        // Opened by its bytes: a folder whose name is not UTF-8 has no QString name to open.
        if (const auto content = readWhole(joinPath(dirPath, QByteArrayLiteral(".suanliignore"))))
            issues->append(rules.addFile(relativeDir, *content));
        DIR *dir = ::opendir(dirPath.constData());
        if (!dir) {
            issues->append({relativeDir, errnoError(QStringLiteral("local_read_failed"),
                                                    tr("Could not list %1: %2"), dirPath, errno)});
            continue;
        }
        QList<QByteArray> subdirs;
        while (const dirent *item = ::readdir(dir)) {
            const QByteArray name(item->d_name);
            if (name == "." || name == "..")
                continue;
            const QByteArray relative = relativeDir.isEmpty() ? name : relativeDir + '/' + name;
            const QByteArray full = joinPath(root, relative);
            struct stat st{};
            if (::lstat(full.constData(), &st) != 0)
                continue; // vanished while listing
            if (isPartialName(name)) {
                if (S_ISREG(st.st_mode)) {
                    const QByteArray original = name.mid(1, name.size() - 1 - qsizetype(strlen(".suanli-partial")));
                    listing.partials.insert(relativeDir.isEmpty() ? original : relativeDir + '/' + original,
                                            qint64(st.st_size));
                }
                continue;
            }
            Entry entry;
            entry.path = relative;
            entry.mtimeNs = mtimeOf(st);
            entry.mode = quint32(st.st_mode & 07777);
            if (S_ISDIR(st.st_mode)) {
                entry.type = EntryType::Directory;
            } else if (S_ISREG(st.st_mode)) {
                entry.type = EntryType::File;
                entry.size = qint64(st.st_size);
            } else if (S_ISLNK(st.st_mode)) {
                entry.type = EntryType::Symlink;
                QByteArray target(4096, Qt::Uninitialized);
                const ssize_t n = ::readlink(full.constData(), target.data(), size_t(target.size()));
                if (n < 0)
                    continue;
                target.resize(n);
                entry.linkTarget = target;
            } else {
                continue; // sockets, fifos, devices are not data
            }
            if (rules.isIgnored(relative, entry.type == EntryType::Directory))
                continue;
            if (entry.type == EntryType::Directory)
                subdirs.append(relative);
            listing.entries.append(std::move(entry));
        }
        ::closedir(dir);
        // Depth first, in name order, so a folder's rules are added before its children's.
        std::sort(subdirs.begin(), subdirs.end(), std::greater<>());
        pending.append(subdirs);
    }
    return listing;
}

namespace localfs {

QByteArray encode(const QString &path)
{
    return QFile::encodeName(path);
}

QString decode(const QByteArray &path)
{
    return QFile::decodeName(path);
}

Result<void> makeDirectories(const QByteArray &root, const QByteArray &relative)
{
    QByteArray current = root;
    for (const QByteArray &part : relative.split('/')) {
        current = joinPath(current, part);
        struct stat st{};
        if (::lstat(current.constData(), &st) == 0) {
            if (S_ISDIR(st.st_mode))
                continue;
            return makeError(QStringLiteral("type_conflict"),
                             tr("%1 exists and is not a folder (a symlink is never followed); "
                                "move it away to sync here.")
                                 .arg(QString::fromUtf8(current)));
        }
        if (::mkdir(current.constData(), 0755) != 0 && errno != EEXIST) {
            return errnoError(QStringLiteral("local_write_failed"),
                              tr("Could not create the folder %1: %2"), current, errno);
        }
    }
    return {};
}

bool parentIsInsideTree(const QByteArray &root, const QByteArray &relative)
{
    QByteArray current = root;
    const QList<QByteArray> parts = relative.split('/');
    for (qsizetype i = 0; i + 1 < parts.size(); ++i) {
        current = joinPath(current, parts.at(i));
        struct stat st{};
        if (::lstat(current.constData(), &st) != 0 || !S_ISDIR(st.st_mode))
            return false;
    }
    return true;
}

Result<void> setTimesAndMode(const QByteArray &path, qint64 mtimeNs, quint32 mode, bool isLink)
{
    timespec times[2];
    times[0].tv_sec = time_t(mtimeNs / 1000000000);
    times[0].tv_nsec = long(mtimeNs % 1000000000);
    times[1] = times[0];
    if (::utimensat(AT_FDCWD, path.constData(), times, isLink ? AT_SYMLINK_NOFOLLOW : 0) != 0)
        return errnoError(QStringLiteral("local_write_failed"), tr("Could not set the time of %1: %2"),
                          path, errno);
    if (!isLink && ::chmod(path.constData(), mode_t(mode & 07777)) != 0)
        return errnoError(QStringLiteral("local_write_failed"),
                          tr("Could not set the permissions of %1: %2"), path, errno);
    return {};
}

} // namespace localfs

} // namespace suanli::sync
