export { shorten } from '../../../shared/text/shorten';
