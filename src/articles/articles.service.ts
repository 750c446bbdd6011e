import { Injectable } from '@nestjs/common';
import { badInput, notFound } from '../common/errors/error-code.js';
import { shortHash } from '../common/ids.js';
import { LIMITS, optionalHttpUrl, optionalIsoDate, optionalText, requireId } from '../common/validation.js';
import { ArticlesRepository } from './articles.repository.js';
import { ArticleRow, ArticleWrite } from '../graph/article.row.js';

export interface ArticleRef {
  id?: string | null;
  url?: string | null;
  outlet?: string | null;
  title?: string | null;
  publishedOn?: string | null;
}

@Injectable()
export class ArticlesService {
  constructor(private readonly repository: ArticlesRepository) {}

  text(id: string): Promise<string | null> {
    return this.repository.text(id);
  }

  async get(id: string): Promise<ArticleRow> {
    const articleId = requireId('id', id);
    const [article] = await this.repository.findByIds([articleId]);
    if (!article) throw notFound('article', articleId);
    return article;
  }

  findByIds(ids: readonly string[]): Promise<ArticleRow[]> {
    return this.repository.findByIds(ids);
  }

  /**
   * Validates an article reference and gives it its stable id: the one given,
   * else a hash of its URL, else of outlet, title and date. The same article
   * named twice gets the same id.
   */
  toWrite(field: string, ref: ArticleRef): ArticleWrite {
    const url = optionalHttpUrl(`${field}.url`, ref.url);
    const outlet = optionalText(`${field}.outlet`, ref.outlet, LIMITS.name);
    const title = optionalText(`${field}.title`, ref.title, LIMITS.summary);
    const publishedOn = optionalIsoDate(`${field}.publishedOn`, ref.publishedOn);
    const id = ref.id != null ? requireId(`${field}.id`, ref.id) : articleIdFor(url, outlet, title, publishedOn);
    if (id === null) {
      throw badInput(field, 'an article needs an id, a url or a title');
    }
    return { id, url, outlet, title, publishedOn, textHash: null };
  }
}

export function articleIdFor(
  url: string | null,
  outlet: string | null,
  title: string | null,
  publishedOn: string | null,
): string | null {
  if (url)
    return `art-${shortHash(
      'url',
      url
        .replace(/[?#].*$/, '')
        .replace(/\/+$/, '')
        .toLowerCase(),
    )}`;
  if (title) return `art-${shortHash('meta', outlet, title.toLowerCase(), publishedOn)}`;
  return null;
}
