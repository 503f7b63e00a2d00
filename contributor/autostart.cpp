#include "autostart.h"

#include <algorithm>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace suanli::contributor {

namespace {

constexpr auto kRunKey = "HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run";

/// Exec= quoting of the Desktop Entry Specification: reserved characters force quotes, and
/// inside them `"`, `` ` ``, `$` and `\` are escaped with a backslash.
QString desktopExecArgument(const QString &arg)
{
    static const QString reserved = u" \t\n\"'\\><~|&;$*?#()`"_s;
    if (std::none_of(arg.cbegin(), arg.cend(), [](QChar c) { return reserved.contains(c); }))
        return arg;
    QString quoted = u"\""_s;
    for (QChar c : arg) {
        if (c == u'"' || c == u'`' || c == u'$' || c == u'\\')
            quoted += u'\\';
        quoted += c;
    }
    // The Exec key is itself a string value whose backslashes are escaped once more.
    quoted.replace(u"\\"_s, u"\\\\"_s);
    return quoted + u'"';
}

QString xmlEscaped(const QString &text)
{
    return text.toHtmlEscaped();
}

Result<void> writeFile(const QString &path, const QByteArray &content)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return makeError(u"autostart_failed"_s,
                         u"cannot create %1"_s.arg(QFileInfo(path).absolutePath()));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size() || !file.commit())
        return makeError(u"autostart_failed"_s,
                         u"cannot write %1: %2"_s.arg(path, file.errorString()));
    return {};
}

} // namespace

Autostart::Autostart(QString executable, Kind kind)
    : m_executable(std::move(executable))
    , m_kind(kind)
{}

Autostart::Kind Autostart::nativeKind()
{
#if defined(Q_OS_WIN)
    return Kind::WindowsRunKey;
#elif defined(Q_OS_MACOS)
    return Kind::MacLaunchAgent;
#else
    return Kind::XdgDesktopEntry;
#endif
}

QString Autostart::location() const
{
    switch (m_kind) {
    case Kind::XdgDesktopEntry:
        return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation))
            .filePath(u"autostart/suanli.desktop"_s);
    case Kind::MacLaunchAgent:
        return QDir::home().filePath(u"Library/LaunchAgents/org.suanli.tray.plist"_s);
    case Kind::WindowsRunKey:
        return QString::fromLatin1(kRunKey) + u"\\Suanli"_s;
    }
    return {};
}

QByteArray Autostart::desktopEntry(const QString &executable)
{
    return u"[Desktop Entry]\n"
           "Type=Application\n"
           "Name=Suanli\n"
           "Comment=Lend this computer's idle GPU\n"
           "Exec=%1 --tray\n"
           "Icon=org.suanli.Suanli\n"
           "Terminal=false\n"
           "X-GNOME-Autostart-enabled=true\n"_s.arg(desktopExecArgument(executable))
               .toUtf8();
}

QString Autostart::installedTemplate()
{
    return QStandardPaths::locate(QStandardPaths::GenericDataLocation,
                                  u"suanli/autostart/org.suanli.Suanli.desktop"_s);
}

QByteArray Autostart::desktopEntryFromTemplate(const QByteArray &entry, const QString &executable)
{
    QByteArrayList lines = entry.split('\n');
    for (QByteArray &line : lines) {
        if (line.startsWith("Exec="))
            line = "Exec=" + desktopExecArgument(executable).toUtf8() + " --tray";
    }
    return lines.join('\n');
}

QByteArray Autostart::launchAgentPlist(const QString &executable)
{
    return uR"(<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
    <key>Label</key>
    <string>org.suanli.tray</string>
    <key>ProgramArguments</key>
    <array>
        <string>%1</string>
        <string>--tray</string>
    </array>
    <key>RunAtLoad</key>
    <true/>
    <key>ProcessType</key>
    <string>Interactive</string>
</dict>
</plist>
)"_s.arg(xmlEscaped(executable))
        .toUtf8();
}

QString Autostart::windowsRunCommand(const QString &executable)
{
    return u"\"%1\" --tray"_s.arg(QDir::toNativeSeparators(executable));
}

Result<void> Autostart::enable()
{
    switch (m_kind) {
    case Kind::XdgDesktopEntry: {
        QFile packaged(installedTemplate());
        if (!packaged.fileName().isEmpty() && packaged.open(QIODevice::ReadOnly))
            return writeFile(location(),
                             desktopEntryFromTemplate(packaged.readAll(), m_executable));
        return writeFile(location(), desktopEntry(m_executable));
    }
    case Kind::MacLaunchAgent:
        return writeFile(location(), launchAgentPlist(m_executable));
    case Kind::WindowsRunKey: {
        QSettings run(QString::fromLatin1(kRunKey), QSettings::NativeFormat);
        run.setValue(u"Suanli"_s, windowsRunCommand(m_executable));
        run.sync();
        if (run.status() != QSettings::NoError)
            return makeError(u"autostart_failed"_s, u"cannot write the Run key"_s);
        return {};
    }
    }
    return {};
}

Result<void> Autostart::disable()
{
    if (m_kind == Kind::WindowsRunKey) {
        QSettings run(QString::fromLatin1(kRunKey), QSettings::NativeFormat);
        run.remove(u"Suanli"_s);
        return {};
    }
    const QString path = location();
    if (QFile::exists(path) && !QFile::remove(path))
        return makeError(u"autostart_failed"_s, u"cannot remove %1"_s.arg(path));
    return {};
}

bool Autostart::isEnabled() const
{
    if (m_kind == Kind::WindowsRunKey)
        return QSettings(QString::fromLatin1(kRunKey), QSettings::NativeFormat)
            .contains(u"Suanli"_s);
    return QFile::exists(location());
}

} // namespace suanli::contributor
