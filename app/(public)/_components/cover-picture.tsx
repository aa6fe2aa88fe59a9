import type { ImageSources } from "@/lib/domain/media";

/**
 * An event's cover as a <picture>: AVIF, then WebP, then JPEG, each in every stored width, so the
 * browser fetches the smallest file that fills `sizes` at the screen's density.
 */
export function CoverPicture({ cover, sizes, className, eager = false }: { cover: ImageSources; sizes: string; className: string; eager?: boolean }) {
  return (
    <picture>
      {cover.sources.map((source) => (
        <source key={source.type} type={source.type} srcSet={source.srcset} sizes={sizes} />
      ))}
      <img
        src={cover.url}
        srcSet={cover.srcset}
        sizes={sizes}
        width={cover.width}
        height={cover.height}
        alt=""
        loading={eager ? "eager" : "lazy"}
        fetchPriority={eager ? "high" : undefined}
        className={className}
      />
    </picture>
  );
}
