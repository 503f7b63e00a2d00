#pragma once

#include "protocol/result.h"

#include <QString>

namespace suanli::contributor {

/// "Start Suanli in the tray when I log in": one entry per platform that runs
/// `suanli --tray` — Linux `~/.config/autostart/suanli.desktop` (XDG autostart), Windows the
/// HKCU `…\CurrentVersion\Run` value `Suanli`, macOS
/// `~/Library/LaunchAgents/org.suanli.tray.plist`.
class Autostart
{
public:
    enum class Kind
    {
        XdgDesktopEntry,
        WindowsRunKey,
        MacLaunchAgent
    };

    /// `executable`: absolute path of the suanli binary. `kind` defaults to this platform's.
    explicit Autostart(QString executable, Kind kind = nativeKind());

    static Kind nativeKind();

    Result<void> enable();
    Result<void> disable();
    bool isEnabled() const;
    /// The file written (XDG, LaunchAgent) or the registry value's path (Windows).
    QString location() const;

    /// What enable() writes, for tests and for the installer's templates.
    static QByteArray desktopEntry(const QString &executable);
    /// The packaged template (installer/linux, `suanli/autostart/org.suanli.Suanli.desktop`
    /// in the data folders) with its Exec line for `executable`; enable() writes this when the
    /// template is installed, desktopEntry() otherwise (docs/packaging.md).
    static QByteArray desktopEntryFromTemplate(const QByteArray &entry, const QString &executable);
    static QString installedTemplate();
    static QByteArray launchAgentPlist(const QString &executable);
    static QString windowsRunCommand(const QString &executable);

private:
    QString m_executable;
    Kind m_kind;
};

} // namespace suanli::contributor
