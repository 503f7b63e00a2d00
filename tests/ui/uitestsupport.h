#pragma once

#include <QApplication>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QWidget>

namespace suanli::testing {

/// The visible top-level widget of type T with this object name, or null.
template<typename T>
T *topLevel(const QString &objectName)
{
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (auto *t = qobject_cast<T *>(w); t && w->isVisible() && w->objectName() == objectName)
            return t;
    }
    return nullptr;
}

/// Waits for a visible top-level widget; null on timeout.
template<typename T>
T *waitForTopLevel(const QString &objectName, int ms = 10000)
{
    T *found = nullptr;
    (void)QTest::qWaitFor([&] { return (found = topLevel<T>(objectName)) != nullptr; }, ms);
    return found;
}

/// Every test's app runs with its own settings, data, HOME and no keychain (memory secrets).
inline void isolateApp(const QString &root)
{
    qputenv("XDG_CONFIG_HOME", (root + QStringLiteral("/config")).toLocal8Bit());
    qputenv("XDG_DATA_HOME", (root + QStringLiteral("/data")).toLocal8Bit());
    // The app writes ~/.ssh/config (its Include line) for running instances: never the real one.
    qputenv("HOME", (root + QStringLiteral("/home")).toLocal8Bit());
    qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    QStandardPaths::setTestModeEnabled(true);
    // Test mode keeps settings under ~/.qttest whatever XDG says: a name of this run's own,
    // emptied, keeps runs apart.
    QCoreApplication::setOrganizationName(QStringLiteral("SuanliTest"));
    QCoreApplication::setApplicationName(QStringLiteral("suanli-test-")
                                         + QFileInfo(root).fileName());
    QSettings().clear();
}

} // namespace suanli::testing
