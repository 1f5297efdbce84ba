import { useCallback, useEffect, useState } from 'react';
import type { Article, ArticleStatus } from '../../../shared/domain/schemas';
import { api } from '../api/client';
import { errorMessage, useAppStore } from '../state/app-store';
import { useLibraryStore } from '../state/library-store';
import { ArticleHeader } from './ArticleHeader';
import { ArticleText } from './ArticleText';
import type { TextLayout } from './text-layout';

export function ReaderView({ articleId }: { articleId: number }) {
  const notify = useAppStore((state) => state.notify);
  const [article, setArticle] = useState<Article | null>(null);
  const [, setLayout] = useState<TextLayout | null>(null);

  useEffect(() => {
    let cancelled = false;
    setArticle(null);
    api.getArticle({ id: articleId }).then(
      (loaded) => !cancelled && setArticle(loaded),
      (error: unknown) => notify('error', errorMessage(error)),
    );
    return () => {
      cancelled = true;
    };
  }, [articleId, notify]);

  const onStatusChange = useCallback(
    async (status: ArticleStatus) => {
      try {
        const summary = await api.setArticleStatus({ id: articleId, status });
        setArticle((current) => (current ? { ...current, ...summary } : current));
        useLibraryStore.getState().updateSummary(summary);
      } catch (error) {
        notify('error', errorMessage(error));
      }
    },
    [articleId, notify],
  );

  const onLayout = useCallback((layout: TextLayout) => setLayout(layout), []);

  if (!article) return <p className="reader__loading">Opening…</p>;
  return (
    <article className="reader" aria-label="Reader">
      <div className="reader__page">
        <ArticleHeader article={article} onStatusChange={onStatusChange} />
        <ArticleText key={article.id} text={article.text} onLayout={onLayout} />
      </div>
    </article>
  );
}
