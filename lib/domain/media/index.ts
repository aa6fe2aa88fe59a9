export { storeImage, storeImageInput } from "./store-image";
export { readImageFile, readImageFileInput } from "./read-image-file";
export { deleteImage, deleteImageInput } from "./delete-image";
export { imageSources, MEDIA_PATH, type ImageRef, type ImageSources } from "./image-ref";
export { ACCEPTED_UPLOADS, IMAGE_FORMATS, IMAGE_WIDTHS, MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS, uploadBytes } from "./image-rules";
