#include "app/localmarket.h"
#include "client/marketclient.h"

#include "asyncresult.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace suanli;
using namespace suanli::app;
using namespace suanli::protocol;
using namespace suanli::testing;

class TestLocalMarket : public QObject
{
    Q_OBJECT
private slots:
    void startsWithAccountVoucherAndToken()
    {
        QTemporaryDir dir;
        QNetworkAccessManager network;
        QByteArray firstToken;
        for (int run = 0; run < 2; ++run) {
            LocalMarket market(dir.filePath(u"data"_s));
            QSignalSpy started(&market, &LocalMarket::started);
            QSignalSpy failed(&market, &LocalMarket::failed);
            market.start();
            QVERIFY(started.wait(15000));
            QCOMPARE(failed.size(), 0);
            const QUrl url = started.first().at(0).toUrl();
            const QByteArray token = started.first().at(1).toByteArray();
            QCOMPARE(url.host(), u"127.0.0.1"_s);
            QVERIFY(token.startsWith("sk_"));
            QVERIFY(token != firstToken); // a fresh token each start
            firstToken = token;
            QVERIFY(QFile::exists(market.databasePath()));

            client::MarketClient client(&network);
            client.setMarket(url, token);
            Async<Account> me;
            client.me(me.context(), me.callback());
            auto account = me.wait();
            QVERIFY2(account.ok(), why(account).constData());
            QCOMPARE(account->name, u"local"_s);
            QVERIFY(account->roles.contains(u"renter"_s));
            QVERIFY(account->roles.contains(u"lender"_s));
            // The starting voucher, once: a second start does not credit it again.
            QCOMPARE(account->balance_micro, LocalMarket::kStartingVoucherMicro);
            Async<QList<LedgerEntry>> ledger;
            client.ledger(0, 10, ledger.context(), ledger.callback());
            auto entries = ledger.wait();
            QVERIFY(entries.ok());
            QCOMPARE(entries->size(), 1);
            QCOMPARE(entries->first().kind, u"voucher"_s);
        }
    }

    void reportsAFolderItCannotUse()
    {
        QTemporaryDir dir;
        QFile blocker(dir.filePath(u"file"_s));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        LocalMarket market(dir.filePath(u"file/data"_s)); // under a file: cannot be made
        QSignalSpy failed(&market, &LocalMarket::failed);
        market.start();
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.first().first().value<Error>().code, u"data_folder"_s);
    }
};

QTEST_GUILESS_MAIN(TestLocalMarket)
#include "tst_localmarket.moc"
