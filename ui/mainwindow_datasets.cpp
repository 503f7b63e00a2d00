// The Datasets page of the main window (docs/sync.md): pairs of local folder and instance path,
// Sync now, progress and history, over the context's datasets controller. Built only when
// sync/ is part of the build.

#include "mainwindow.h"

#ifdef SUANLI_HAVE_DATASETS
#include "catalogview.h"
#include "offerdetailpane.h"

#include "app/datasets/datasetscontroller.h"
#include "app/datasets/datasetsizes.h"
#include "ui/datasets/datasetsview.h"
#include "ui/datasets/uploadestimatetext.h"

#include <QStackedWidget>
#endif

using namespace Qt::StringLiterals;

namespace suanli::ui {

void MainWindow::setupDatasets()
{
#ifdef SUANLI_HAVE_DATASETS
    datasets::DatasetsController *controller = m_context->datasets();
    if (!controller)
        return;
    auto *view = new DatasetsView(controller, m_session->instances()->model(), this);
    // The market is asked at each sync: it is known once the session is ready.
    view->setIdentitySource([keys = m_context->keys(), session = m_session](
                                QObject *context, std::function<void(Result<ssh::Identity>)> done) {
        keys->identity(session->marketUrl(), context, std::move(done));
    });
    addPage(tr("Datasets"), view, QKeySequence(u"Ctrl+4"_s));

    // Before renting: how long the upload folders take to reach each offer. The context counts
    // them when the pairs change; showing the catalog counts them again if that was a while ago.
    datasets::DatasetSizes *sizes = m_context->datasetSizes();
    connect(m_pages, &QStackedWidget::currentChanged, this, [this](int index) {
        if (m_pages->widget(index) == m_catalog)
            m_context->rescanDatasetSizes();
    });
    auto estimate = [sizes](const protocol::Offer &offer) {
        return uploadEstimateText(sizes->bytes(), sizes->folders(), offer.inet_up_mbps);
    };
    m_catalog->detailPane()->setUploadEstimate(estimate);
    connect(sizes, &datasets::DatasetSizes::changed, m_catalog->detailPane(),
            &OfferDetailPane::updateUploadEstimate);
    m_uploadEstimate = estimate; // the launch dialog says it too (openLaunchDialog)
#endif
}

} // namespace suanli::ui
