// Accounts and keys in the desktop app (issue 18 §1, §5) against a real market on loopback:
// the first-run dialog's sign-in and sign-up (as GET /api/v1/market allows), then Account:
// this computer's key in the list, a new key shown once, revoke, sign out. Run by ctest inside
// a private D-Bus session with gnome-keyring (SUANLI_TEST_KEYRING), so the token really is
// in a keychain and sign-out really removes it.

#include "uitestsupport.h"

#include "app/appcontext.h"
#include "support/marketharness.h"
#include "ui/accountdialog.h"
#include "ui/firstrundialog.h"
#include "ui/launchdialog.h"
#include "ui/launcher.h"
#include "ui/mainwindow.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace suanli;
using namespace suanli::testing;

namespace {

/// The market's answer to GET /api/v1/me with `token`: "" when accepted, else the error code.
QString meWith(MarketHarness &h, const QByteArray &token)
{
    const auto reply = h.get(u"/api/v1/me"_s, token);
    return reply.status == 200 ? QString() : reply.errorCode();
}

/// The secret under `key`, or the error code.
QString readSecret(app::SecretStore *store, const QString &key)
{
    QString out;
    bool done = false;
    QObject context;
    store->read(key, &context, [&](Result<QString> secret) {
        out = secret ? *secret : u"error:"_s + secret.error().code;
        done = true;
    });
    (void)QTest::qWaitFor([&] { return done; }, 15000);
    return done ? out : u"error:test_timeout"_s;
}

QPushButton *acceptButton(QMessageBox *box)
{
    for (QAbstractButton *button : box->buttons()) {
        if (box->buttonRole(button) == QMessageBox::AcceptRole)
            return qobject_cast<QPushButton *>(button);
    }
    return nullptr;
}

} // namespace

class TestUiAccount : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // isolateApp() takes the D-Bus session away (memory secrets); this test keeps the one
        // with-keyring made, when ctest runs it that way.
        const QByteArray bus = qgetenv("DBUS_SESSION_BUS_ADDRESS");
        isolateApp(m_dir.path());
        if (qEnvironmentVariableIsSet("SUANLI_TEST_KEYRING"))
            qputenv("DBUS_SESSION_BUS_ADDRESS", bus);
        app::Settings settings;
        settings.setDataFolder(m_dir.filePath(u"suanli-data"_s));
        settings.setLanguage(u"en"_s);
        settings.sync();
    }

    void firstRunFollowsTheMarketsSignupMode()
    {
        server::MarketPolicy policy;
        policy.signup = u"invite"_s;
        MarketHarness invite(policy);
        QVERIFY2(invite.ok(), qPrintable(invite.error()));
        policy.signup = u"closed"_s;
        MarketHarness closed(policy);
        QVERIFY(closed.ok());

        QNetworkAccessManager network;
        ui::FirstRunDialog dialog(&network);
        dialog.show();
        QTest::mouseClick(dialog.remoteButton(), Qt::LeftButton);
        dialog.tabs()->setCurrentIndex(ui::FirstRunDialog::SignUpTab);
        QVERIFY(!dialog.inviteEdit()->isVisible());

        // invite: the code field shows; without a code the market says one is needed.
        QTest::keyClicks(dialog.urlEdit(), invite.baseUrl());
        QTRY_COMPARE(dialog.signupMode(), u"invite"_s);
        QVERIFY(dialog.inviteEdit()->isVisible());
        QVERIFY(dialog.signUpButton()->isEnabled());
        dialog.signUpNameEdit()->setText(u"eve"_s);
        dialog.signUpPasswordEdit()->setText(u"correct horse"_s);
        dialog.signUpRepeatEdit()->setText(u"correct horse"_s);
        QTest::mouseClick(dialog.signUpButton(), Qt::LeftButton);
        QTRY_COMPARE(dialog.statusLabel()->text(),
                     u"This market needs an invite code from its operator."_s);
        QVERIFY(dialog.signUpButton()->isEnabled());
        QVERIFY(!dialog.cancelButton()->isVisible());

        // Passwords that differ are caught before anything is sent.
        dialog.signUpRepeatEdit()->setText(u"correct horsf"_s);
        QTest::mouseClick(dialog.signUpButton(), Qt::LeftButton);
        QCOMPARE(dialog.statusLabel()->text(), u"The two passwords differ."_s);

        // closed: "Create an account" is off, with the reason.
        dialog.urlEdit()->clear();
        QTest::keyClicks(dialog.urlEdit(), closed.baseUrl());
        QTRY_COMPARE(dialog.signupMode(), u"closed"_s);
        QVERIFY(!dialog.signUpButton()->isEnabled());
        auto *reason = dialog.findChild<QLabel *>(u"signUpClosed"_s);
        QVERIFY(reason->isVisible());
        QVERIFY(reason->text().contains(u"ask its operator"_s));

        // Sign-in with a name the market does not know: the same words as a wrong password.
        dialog.tabs()->setCurrentIndex(ui::FirstRunDialog::SignInTab);
        dialog.signInNameEdit()->setText(u"nobody"_s);
        dialog.signInPasswordEdit()->setText(u"whatever1"_s);
        QSignalSpy chosen(&dialog, &ui::FirstRunDialog::marketChosen);
        QTest::mouseClick(dialog.signInButton(), Qt::LeftButton);
        QTRY_COMPARE(dialog.statusLabel()->text(), u"Wrong name or password."_s);
        QCOMPARE(chosen.size(), 0);
        QVERIFY(dialog.signInButton()->isEnabled());
    }

    void signUpKeysRevokeAndSignOut()
    {
        server::MarketPolicy policy;
        policy.signup = u"open"_s;
        policy.retentionDays = 11;
        MarketHarness h(policy);
        QVERIFY2(h.ok(), qPrintable(h.error()));

        ui::Launcher launcher({});
        launcher.start();
        auto *firstRun = waitForTopLevel<ui::FirstRunDialog>(u"firstRunDialog"_s);
        QVERIFY(firstRun);
        QTest::mouseClick(firstRun->remoteButton(), Qt::LeftButton);
        QTest::keyClicks(firstRun->urlEdit(), h.baseUrl());
        QTRY_COMPARE(firstRun->signupMode(), u"open"_s);
        firstRun->tabs()->setCurrentIndex(ui::FirstRunDialog::SignUpTab);
        QVERIFY(!firstRun->inviteEdit()->isVisible());
        QTest::keyClicks(firstRun->signUpNameEdit(), u"cai"_s);
        QTest::keyClicks(firstRun->signUpPasswordEdit(), u"correct horse"_s);
        QTest::keyClicks(firstRun->signUpRepeatEdit(), u"correct horse"_s);
        firstRun->lenderBox()->setChecked(true);
        QTest::mouseClick(firstRun->signUpButton(), Qt::LeftButton);

        // Signed in: the window, the session, the token in the keychain, the key's id saved.
        QTRY_VERIFY_WITH_TIMEOUT(launcher.window() != nullptr, 15000);
        app::Session *session = launcher.session();
        QTRY_COMPARE_WITH_TIMEOUT(session->state(), app::Session::State::Ready, 15000);
        QCOMPARE(session->account().name, u"cai"_s);
        QVERIFY(session->account().roles.contains(u"lender"_s));
        const QByteArray token = session->client()->token();
        QVERIFY(token.startsWith("sk_"));
        app::AppContext *context = launcher.context();
        const QUrl market(h.baseUrl());
        if (qEnvironmentVariableIsSet("SUANLI_TEST_KEYRING"))
            QCOMPARE(context->secrets()->kind(), app::SecretStore::Kind::Keychain);
        QTRY_COMPARE(readSecret(context->secrets(), app::AppContext::tokenKey(market)),
                     QString::fromLatin1(token));
        QVERIFY(context->settings()->tokenId(market) > 0);
        QTRY_VERIFY(session->marketInfo().has_value());
        QCOMPARE(session->marketInfo()->retention_days, 11);

        // Account: one key, this computer's, labelled with its name (the sign-up key is gone).
        auto *action = launcher.window()->findChild<QAction *>(u"accountAction"_s);
        QVERIFY(action);
        action->trigger();
        auto *account = waitForTopLevel<ui::AccountDialog>(u"accountDialog"_s);
        QVERIFY(account);
        app::ApiTokenModel *model = account->model();
        QAbstractItemModelTester tester(model);
        QTRY_COMPARE(model->rowCount(), 1);
        QTRY_VERIFY(model->index(0, 0).data(app::ApiTokenModel::CurrentRole).toBool());
        QCOMPARE(model->index(0, app::ApiTokenModel::Label).data().toString(),
                 ui::FirstRunDialog::machineLabel() + u" (this computer)"_s);
        QCOMPARE(model->index(0, app::ApiTokenModel::Prefix).data().toString(),
                 QString::fromLatin1(token.left(12)) + u"…"_s);
        QCOMPARE(model->index(0, 0).data(app::ApiTokenModel::IdRole).toLongLong(),
                 context->settings()->tokenId(market));
        account->table()->selectRow(0);
        QVERIFY(!account->revokeButton()->isEnabled()); // Sign out is for this computer's key

        // New key…: shown once, with Copy and the warning.
        QTest::mouseClick(account->newKeyButton(), Qt::LeftButton);
        auto *newKey = waitForTopLevel<QDialog>(u"newKeyDialog"_s);
        QVERIFY(newKey);
        QTest::keyClicks(newKey->findChild<QLineEdit *>(u"newKeyLabel"_s), u"ci"_s);
        newKey->findChild<QComboBox *>(u"newKeyExpiry"_s)->setCurrentIndex(2); // 30 days
        QTest::mouseClick(newKey->findChild<QPushButton *>(u"createKeyButton"_s), Qt::LeftButton);
        auto *shown = newKey->findChild<QLineEdit *>(u"newKeyToken"_s);
        QTRY_VERIFY(shown->text().startsWith(u"sk_"_s));
        QVERIFY(shown->isReadOnly());
        QVERIFY(shown->isVisible());
        QVERIFY(newKey->findChild<QLabel *>(u"newKeyWarning"_s)->isVisible());
        QVERIFY(newKey->findChild<QPushButton *>(u"copyKeyButton"_s)->isVisible());
        const QByteArray ciToken = shown->text().toLatin1();
        QCOMPARE(meWith(h, ciToken), QString());
        newKey->close();
        QTRY_COMPARE(model->rowCount(), 2);
        int ciRow = -1;
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->token(row).label == "ci"_L1)
                ciRow = row;
        }
        QVERIFY(ciRow >= 0);
        QVERIFY(model->token(ciRow).expires_at.isValid());
        QCOMPARE(model->index(ciRow, app::ApiTokenModel::Expires).data().toString() == u"never"_s,
                 false);

        // Revoke (confirmed): it stops working at once and leaves the list.
        account->table()->selectRow(ciRow);
        QVERIFY(account->revokeButton()->isEnabled());
        QTest::mouseClick(account->revokeButton(), Qt::LeftButton);
        auto *confirm = waitForTopLevel<QMessageBox>(u"confirmRevoke"_s);
        QVERIFY(confirm);
        QPushButton *revoke = acceptButton(confirm);
        QVERIFY(revoke);
        QTest::mouseClick(revoke, Qt::LeftButton);
        QTRY_COMPARE(model->rowCount(), 1);
        QCOMPARE(meWith(h, ciToken), u"unauthorized"_s);
        QCOMPARE(meWith(h, token), QString());

        // The launch dialog says the market's retention, not a number of its own.
        {
            protocol::Offer offer;
            offer.id = 1;
            offer.gpus_total = 1;
            offer.gpus_free = 1;
            offer.price_gpu_hour_micro = 1'000'000;
            ui::LaunchDialog launch(session->client(), offer, u"CNY"_s);
            auto *breakdown = launch.findChild<QLabel *>(u"priceBreakdown"_s);
            QVERIFY(breakdown);
            QVERIFY2(breakdown->text().contains(u"(the market has not said how many yet)"_s),
                     qPrintable(breakdown->text()));
            launch.setRetentionDays(session->marketInfo()->retention_days);
            // "day(s)" until translations/suanli_en.ts gives the plural its English forms.
            QVERIFY2(breakdown->text().contains(u"deleted 11 day"_s),
                     qPrintable(breakdown->text()));
        }

        // Change password…: every other key is revoked (and the dialog says how many); this
        // computer's stays.
        const auto other = h.post(u"/api/v1/tokens"_s, token, QJsonObject{{u"label"_s, u"cron"_s}});
        QCOMPARE(other.status, 201);
        const QByteArray otherToken = other.json.value(u"token"_s).toString().toLatin1();
        QCOMPARE(meWith(h, otherToken), QString());
        QTest::mouseClick(account->passwordButton(), Qt::LeftButton);
        auto *password = waitForTopLevel<QDialog>(u"passwordDialog"_s);
        QVERIFY(password);
        QTest::keyClicks(password->findChild<QLineEdit *>(u"oldPassword"_s), u"correct horse"_s);
        QTest::keyClicks(password->findChild<QLineEdit *>(u"newPassword"_s), u"battery staple"_s);
        QTest::keyClicks(password->findChild<QLineEdit *>(u"repeatPassword"_s),
                         u"battery staple"_s);
        QTest::mouseClick(password->findChild<QPushButton *>(u"applyPasswordButton"_s),
                          Qt::LeftButton);
        QTRY_VERIFY2(account->statusLabel()->text().startsWith(u"Password changed; 1 other key"_s),
                     qPrintable(account->statusLabel()->text()));
        QCOMPARE(meWith(h, otherToken), u"unauthorized"_s);
        QCOMPARE(meWith(h, token), QString());
        QTRY_COMPARE(model->rowCount(), 1);

        // Sign out: the key revoked, gone from the keychain, back at the first-run question.
        QTest::mouseClick(account->signOutButton(), Qt::LeftButton);
        auto *again = waitForTopLevel<ui::FirstRunDialog>(u"firstRunDialog"_s);
        QVERIFY(again);
        QTRY_VERIFY(launcher.window() == nullptr);
        QCOMPARE(again->urlEdit()->text(), market.toString());
        QCOMPARE(meWith(h, token), u"unauthorized"_s);
        QCOMPARE(readSecret(context->secrets(), app::AppContext::tokenKey(market)),
                 u"error:not_found"_s);
        QCOMPARE(context->settings()->tokenId(market), 0);
        QCOMPARE(context->settings()->mode(), app::Settings::Mode::Unset);

        // Sign in again through the dialog: a fresh key for this computer.
        again->tabs()->setCurrentIndex(ui::FirstRunDialog::SignInTab);
        QTest::keyClicks(again->signInNameEdit(), u"cai"_s);
        QTest::keyClicks(again->signInPasswordEdit(), u"correct horse"_s); // the old one
        QTest::mouseClick(again->signInButton(), Qt::LeftButton);
        QTRY_COMPARE(again->statusLabel()->text(), u"Wrong name or password."_s);
        again->signInPasswordEdit()->setText(u"battery staple"_s);
        QTest::mouseClick(again->signInButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(launcher.window() != nullptr, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(session->state(), app::Session::State::Ready, 15000);
        QVERIFY(session->client()->token() != token);
        QTRY_COMPARE(readSecret(context->secrets(), app::AppContext::tokenKey(market)),
                     QString::fromLatin1(session->client()->token()));
    }

    void cleanupTestCase() { QFile::remove(QSettings().fileName()); }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestUiAccount)
#include "tst_ui_account.moc"
