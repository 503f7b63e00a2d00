#pragma once

#include <QString>
#include <QStringList>

namespace suanli::protocol {

/// The one CSV writer of every CSV export (the ledger's `GET /api/v1/ledger.csv`): RFC 4180
/// records, with text fields neutralised against spreadsheet formulas (docs/decisions.md,
/// "CSV exports").
///
/// A text field that starts with `=`, `+`, `-`, `@`, a tab or a carriage return (OWASP, "CSV
/// Injection") gets a single quote in front and is quoted; one that contains `,`, `"`, a line
/// feed or a carriage return is quoted, its quotes doubled. It lives in protocol/, with the
/// project's other writers of formats, so that an export anywhere uses this one.
QString csvText(const QString &text);
/// A number field: digits with a leading minus when negative, never neutralised, so that
/// amounts stay numbers in a spreadsheet.
QString csvNumber(qint64 value);
/// Fields (each from csvText or csvNumber) joined by commas and ended by CRLF.
QString csvRecord(const QStringList &fields);

} // namespace suanli::protocol
