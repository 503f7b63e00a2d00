#include "autostartbox.h"

#include "contributor/autostart.h"

#include <QCoreApplication>
#include <QFile>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace suanli::ui {

using contributor::Autostart;

AutostartBox::AutostartBox(QWidget *parent, QString executable)
    : QCheckBox(tr("Start Suanli when I log in"), parent)
    , m_executable(executable.isEmpty() ? QCoreApplication::applicationFilePath()
                                        : std::move(executable))
{
    setObjectName(u"autostartBox"_s);
    setToolTip(tr("Suanli starts in the tray, so this computer can lend while you are away."));
    refresh();
}

bool AutostartBox::entryStarts(const QString &executable)
{
    const Autostart autostart(executable);
    if (!autostart.isEnabled())
        return false;
    switch (Autostart::nativeKind()) {
    case Autostart::Kind::WindowsRunKey:
        return QSettings(u"HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run"_s,
                         QSettings::NativeFormat)
                   .value(u"Suanli"_s)
                   .toString() == Autostart::windowsRunCommand(executable);
    case Autostart::Kind::MacLaunchAgent:
    case Autostart::Kind::XdgDesktopEntry: {
        QFile file(autostart.location());
        if (!file.open(QIODevice::ReadOnly))
            return false;
        return file.readAll() == (Autostart::nativeKind() == Autostart::Kind::MacLaunchAgent
                                      ? Autostart::launchAgentPlist(executable)
                                      : Autostart::desktopEntry(executable));
    }
    }
    return false;
}

void AutostartBox::refresh()
{
    m_read = entryStarts(m_executable);
    setChecked(m_read);
}

Result<void> AutostartBox::apply()
{
    if (isChecked() == m_read)
        return {};
    Autostart autostart(m_executable);
    Result<void> done = isChecked() ? autostart.enable() : autostart.disable();
    if (!done)
        return done;
    refresh();
    return {};
}

} // namespace suanli::ui
