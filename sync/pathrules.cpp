#include "pathrules.h"

#include <QCoreApplication>
#include <QStringDecoder>

namespace suanli::sync {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("suanli::sync::PathRules", text);
}

const QByteArray kPartialSuffix = QByteArrayLiteral(".suanli-partial");

} // namespace

NameRules hostNameRules()
{
#if defined(Q_OS_WIN)
    return NameRules::Windows;
#elif defined(Q_OS_MACOS)
    return NameRules::MacOs;
#else
    return NameRules::Posix;
#endif
}

Result<void> checkRelativePath(const QByteArray &path)
{
    const auto unsafe = [&](const QString &why) {
        return makeError(QStringLiteral("unsafe_path"),
                         tr("Refused the path \"%1\": %2. Nothing was written for it.")
                             .arg(QString::fromUtf8(path), why));
    };
    if (path.isEmpty())
        return unsafe(tr("it is empty"));
    if (path.startsWith('/'))
        return unsafe(tr("it is absolute, outside the sync folder"));
    if (path.contains('\0'))
        return unsafe(tr("it contains a NUL byte"));
    for (const QByteArray &part : path.split('/')) {
        if (part.isEmpty() || part == ".")
            return unsafe(tr("it has an empty or \".\" component"));
        if (part == "..")
            return unsafe(tr("it climbs out of the sync folder with \"..\""));
    }
    return {};
}

Result<QByteArray> normaliseRemoteRoot(const QByteArray &root)
{
    QByteArray trimmed = root.trimmed();
    while (trimmed.size() > 1 && trimmed.endsWith('/'))
        trimmed.chop(1);
    if (trimmed.isEmpty() || trimmed.contains('\0'))
        return makeError(QStringLiteral("invalid_path"), tr("The instance path is empty."));
    for (const QByteArray &part : trimmed.split('/')) {
        if (part == "..")
            return makeError(QStringLiteral("invalid_path"),
                             tr("The instance path \"%1\" contains \"..\"; give the folder "
                                "itself, for example /workspace/data.")
                                 .arg(QString::fromUtf8(trimmed)));
    }
    return trimmed;
}

std::optional<Error> checkName(const QByteArray &name, NameRules rules)
{
    const auto invalid = [&](const QString &why) {
        return makeError(QStringLiteral("invalid_name"),
                         tr("\"%1\" cannot be created on this computer: %2. The original is "
                            "untouched; rename it to sync it.")
                             .arg(QString::fromUtf8(name), why));
    };
    if (name.contains('/') || name.contains('\0'))
        return invalid(tr("the name contains '/' or NUL"));
    if (rules == NameRules::Posix)
        return std::nullopt;
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder(name);
    if (decoder.hasError())
        return invalid(tr("the name is not valid UTF-8"));
    if (rules == NameRules::MacOs)
        return std::nullopt;
    for (const QChar c : text) {
        if (c.unicode() < 32 || QStringLiteral("<>:\"\\|?*").contains(c))
            return invalid(tr("Windows does not allow the character '%1'")
                               .arg(c.unicode() < 32 ? QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QChar(u'0'))
                                                     : QString(c)));
    }
    if (text.endsWith(u'.') || text.endsWith(u' '))
        return invalid(tr("Windows does not allow a name ending in a dot or a space"));
    static const QStringList reserved = [] {
        QStringList names = {QStringLiteral("CON"), QStringLiteral("PRN"), QStringLiteral("AUX"),
                             QStringLiteral("NUL")};
        for (int i = 1; i <= 9; ++i) {
            names << QStringLiteral("COM%1").arg(i) << QStringLiteral("LPT%1").arg(i);
        }
        return names;
    }();
    const QString stem = text.section(u'.', 0, 0).trimmed().toUpper();
    if (reserved.contains(stem))
        return invalid(tr("\"%1\" is a reserved device name on Windows").arg(stem));
    return std::nullopt;
}

bool isSymlinkInsideTree(const QByteArray &linkPath, const QByteArray &target)
{
    if (target.isEmpty() || target.startsWith('/') || target.contains('\0'))
        return false;
    // Depth of the folder holding the link, then walk the target lexically.
    qsizetype depth = linkPath.count('/');
    for (const QByteArray &part : target.split('/')) {
        if (part.isEmpty() || part == ".")
            continue;
        if (part == "..") {
            if (--depth < 0)
                return false;
        } else {
            ++depth;
        }
    }
    return true;
}

QByteArray joinPath(const QByteArray &root, const QByteArray &relative)
{
    if (relative.isEmpty())
        return root;
    if (root.endsWith('/'))
        return root + relative;
    return root + '/' + relative;
}

QByteArray partialPathFor(const QByteArray &relative)
{
    const qsizetype slash = relative.lastIndexOf('/');
    return relative.left(slash + 1) + '.' + relative.mid(slash + 1) + kPartialSuffix;
}

bool isPartialName(const QByteArray &name)
{
    return name.startsWith('.') && name.endsWith(kPartialSuffix);
}

} // namespace suanli::sync
