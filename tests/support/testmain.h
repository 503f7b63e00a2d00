#pragma once

#include "server/epolldispatcher.h"

#include <QCoreApplication>
#include <QTest>

namespace suanli::testing {

/// SUANLI_EVENT_DISPATCHER=epoll runs the test on the market's own event dispatcher
/// (server/epolldispatcher.h), as suanli-market does on Linux.
inline void installEventDispatcherFromEnvironment()
{
    if (qgetenv("SUANLI_EVENT_DISPATCHER") != "epoll")
        return;
    auto *dispatcher = new server::EpollDispatcher;
    if (dispatcher->isValid())
        QCoreApplication::setEventDispatcher(dispatcher);
    else
        qFatal("SUANLI_EVENT_DISPATCHER=epoll, but epoll is not available");
}

} // namespace suanli::testing

/// QTEST_GUILESS_MAIN, with the event dispatcher chosen by the environment.
#define SUANLI_TEST_MAIN(TestObject)                                                         \
    int main(int argc, char *argv[])                                                         \
    {                                                                                        \
        suanli::testing::installEventDispatcherFromEnvironment();                            \
        QCoreApplication app(argc, argv);                                                    \
        TestObject tc;                                                                       \
        QTEST_SET_MAIN_SOURCE_PATH                                                           \
        return QTest::qExec(&tc, argc, argv);                                                \
    }
