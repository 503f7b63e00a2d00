// "Start Suanli when I log in" in Settings and in the Lend wizard (docs/contributor.md,
// "Autostart"), on the offscreen platform under a temporary XDG_CONFIG_HOME: each box shows
// whether the real entry exists and starts this binary, and writes or removes the file.

#include "app/secretstore.h"
#include "app/settings.h"
#include "client/marketclient.h"
#include "contributor/autostart.h"
#include "contributor/contributorcontroller.h"
#include "host/lendingpolicy.h"
#include "ui/contributor/autostartbox.h"
#include "ui/contributor/lendwizard.h"
#include "ui/settingsdialog.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace suanli;

namespace {
struct FakeIdle final : host::IdleSource
{
    host::IdleReading read() override { return host::IdleReading::known(0); }
    QString name() const override { return u"fake"_s; }
};

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void clickOk(QDialog *dialog)
{
    auto *buttons = dialog->findChild<QDialogButtonBox *>();
    QVERIFY(buttons);
    buttons->button(QDialogButtonBox::Ok)->click();
}
} // namespace

class TestAutostartUi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        qputenv("XDG_CONFIG_HOME", m_home.filePath(u"config"_s).toLocal8Bit());
        // The entry's own name is contributor::Autostart's; it lies under the temporary folder.
        m_entry = contributor::Autostart(QCoreApplication::applicationFilePath()).location();
        QVERIFY2(m_entry.startsWith(m_home.filePath(u"config/autostart/"_s)), qPrintable(m_entry));
    }

    void init() { QFile::remove(m_entry); }

    void settingsWritesAndRemovesTheEntry()
    {
        app::Settings settings(m_home.filePath(u"settings.ini"_s));
        app::MemorySecretStore secrets;
        {
            ui::SettingsDialog dialog(&settings, &secrets);
            QVERIFY(dialog.autostartBox());
            QVERIFY(!dialog.autostartBox()->isChecked()); // no entry
            dialog.autostartBox()->setChecked(true);
            QVERIFY(!QFile::exists(m_entry)); // only on OK
            clickOk(&dialog);
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
        }
        QCOMPARE(readAll(m_entry),
                 contributor::Autostart::desktopEntry(QCoreApplication::applicationFilePath()));
        QVERIFY(readAll(m_entry).contains(" --tray\n")); // starts in the tray
        {
            ui::SettingsDialog dialog(&settings, &secrets);
            QVERIFY(dialog.autostartBox()->isChecked()); // the entry is there
            dialog.autostartBox()->setChecked(false);
            clickOk(&dialog);
        }
        QVERIFY(!QFile::exists(m_entry));
        {
            // Cancel changes nothing.
            ui::SettingsDialog dialog(&settings, &secrets);
            dialog.autostartBox()->setChecked(true);
            dialog.reject();
        }
        QVERIFY(!QFile::exists(m_entry));
    }

    void anotherBinarysEntryIsNotThisOne()
    {
        // An entry of another installation: shown unchecked, kept until the box is changed.
        QVERIFY(contributor::Autostart(u"/opt/other/suanli"_s).enable());
        const QByteArray other = readAll(m_entry);
        app::Settings settings(m_home.filePath(u"settings.ini"_s));
        app::MemorySecretStore secrets;
        {
            ui::SettingsDialog dialog(&settings, &secrets);
            QVERIFY(!dialog.autostartBox()->isChecked());
            clickOk(&dialog);
        }
        QCOMPARE(readAll(m_entry), other);
        {
            ui::SettingsDialog dialog(&settings, &secrets);
            dialog.autostartBox()->setChecked(true);
            clickOk(&dialog);
        }
        QVERIFY(ui::AutostartBox::entryStarts(QCoreApplication::applicationFilePath()));
    }

    void settingsShowsWhyItCannotWrite()
    {
        // The autostart folder cannot be made: a file stands where it would be.
        QTemporaryDir blocked;
        QFile file(blocked.filePath(u"autostart"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        const QByteArray saved = qgetenv("XDG_CONFIG_HOME");
        qputenv("XDG_CONFIG_HOME", blocked.path().toLocal8Bit());
        app::Settings settings(m_home.filePath(u"settings.ini"_s));
        app::MemorySecretStore secrets;
        ui::SettingsDialog dialog(&settings, &secrets);
        dialog.show();
        dialog.autostartBox()->setChecked(true);
        clickOk(&dialog);
        qputenv("XDG_CONFIG_HOME", saved);
        QVERIFY(dialog.isVisible()); // not accepted
        QVERIFY(dialog.autostartError()->isVisibleTo(&dialog));
        QVERIFY2(dialog.autostartError()->text().contains(u"cannot create"_s),
                 qPrintable(dialog.autostartError()->text()));
    }

    void wizardWritesAndRemovesTheEntry()
    {
        // First on (no entry before), then off (the entry of the first round).
        for (const bool wanted : {true, false}) {
            host::LendingPolicy policy(std::make_unique<FakeIdle>(), nullptr, nullptr);
            QNetworkAccessManager network;
            client::MarketClient market(&network);
            contributor::ContributorController controller(&policy, &market);
            ui::LendWizard::Machine machine{[] {}, {}};
            ui::LendWizard wizard(&controller, machine);
            QCOMPARE(wizard.autostartBox()->isChecked(), !wanted); // the state before
            wizard.setRegistration(ui::LendWizard::Registration::Registered, u"Registered."_s);
            wizard.show();
            wizard.next();
            wizard.next();
            wizard.next();
            QCOMPARE(wizard.currentId(), int(ui::LendWizard::WhenPage));
            QVERIFY(wizard.autostartBox()->isVisibleTo(&wizard));
            wizard.autostartBox()->setChecked(wanted);
            QCOMPARE(QFile::exists(m_entry), !wanted); // only when finishing
            wizard.button(QWizard::FinishButton)->click();
            QVERIFY(!wizard.isVisible());
            QCOMPARE(QFile::exists(m_entry), wanted);
            QCOMPARE(ui::AutostartBox::entryStarts(QCoreApplication::applicationFilePath()),
                     wanted);
        }
    }

private:
    QTemporaryDir m_home;
    QString m_entry;
};

QTEST_MAIN(TestAutostartUi)
#include "tst_autostartui.moc"
