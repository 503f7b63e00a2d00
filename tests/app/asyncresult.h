#pragma once

#include "protocol/result.h"

#include <QObject>
#include <QTest>

#include <memory>

namespace suanli::testing {

/// Collects one asynchronous Result in a test: `call(context, callback)`, then wait().
template<typename T>
class Async
{
public:
    auto callback()
    {
        return [this](Result<T> r) { m_value = std::make_unique<Result<T>>(std::move(r)); };
    }
    QObject *context() { return &m_context; }
    /// Waits up to `ms` for the answer; returns it (a "test_timeout" error when none came).
    Result<T> wait(int ms = 15000)
    {
        if (!QTest::qWaitFor([this] { return m_value != nullptr; }, ms))
            return makeError(QStringLiteral("test_timeout"), QStringLiteral("no answer in time"));
        const std::unique_ptr<Result<T>> out = std::move(m_value);
        return *out;
    }

private:
    QObject m_context;
    std::unique_ptr<Result<T>> m_value;
};

/// The error message of a failed Result for QVERIFY2 (which evaluates its message always).
template<typename R>
QByteArray why(const R &result)
{
    return result.ok() ? QByteArray() : result.error().message.toUtf8();
}

} // namespace suanli::testing
