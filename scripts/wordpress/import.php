<?php
/**
 * Imports stories into WordPress through its own PHP API (wp_insert_post, attachments), as an editor
 * would have written them: one post per edition, meta for the edition and story key, the picture as the
 * featured image. Usage: php import.php WORDPRESS_DIR STORIES_JSON → prints {"posts": {"key/locale": id}}
 * The JSON is what scripts/wordpress/local-wordpress.ts makes from story files.
 */
[, $wordpress_dir, $stories_file] = $argv;
require $wordpress_dir . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/image.php';
require_once ABSPATH . 'wp-admin/includes/post.php';

$editor = get_user_by('login', 'editor');
wp_set_current_user($editor->ID);
$ids = array();
foreach (json_decode(file_get_contents($stories_file), true) as $story) {
	$category = get_term_by('slug', $story['section'], 'category');
	$post_id = wp_insert_post(wp_slash(array(
		'post_type' => 'post',
		'post_status' => $story['status'] === 'published' ? 'publish' : 'draft',
		'post_title' => $story['title'],
		'post_excerpt' => $story['summary'],
		'post_content' => $story['html'],
		'post_name' => $story['key'],
		'post_date_gmt' => $story['dateGmt'],
		'post_date' => $story['dateGmt'],
		'post_author' => $editor->ID,
		'post_category' => $category ? array($category->term_id) : array(),
		'tags_input' => $story['tags'],
		'meta_input' => array(
			'sahifa_edition' => $story['locale'],
			'sahifa_story' => $story['key'],
			'sahifa_authors' => implode("\n", $story['authors']),
			'sahifa_sources' => implode("\n", $story['sources']),
		),
	)), true);
	if (is_wp_error($post_id)) {
		fwrite(STDERR, "{$story['key']}/{$story['locale']}: " . $post_id->get_error_message() . "\n");
		continue;
	}
	if (!empty($story['image'])) {
		$uploads = wp_upload_dir();
		$target = $uploads['path'] . '/' . $story['key'] . '-' . $story['locale'] . '-' . basename($story['image']['file']);
		copy($story['image']['file'], $target);
		$attachment_id = wp_insert_attachment(array(
			'post_mime_type' => wp_check_filetype($target)['type'],
			'post_title' => $story['image']['alt'],
			'post_excerpt' => $story['image']['caption'] ?? '',
			'post_status' => 'inherit',
		), $target, $post_id);
		wp_update_attachment_metadata($attachment_id, wp_generate_attachment_metadata($attachment_id, $target));
		update_post_meta($attachment_id, '_wp_attachment_image_alt', wp_slash($story['image']['alt']));
		if (!empty($story['image']['credit'])) {
			update_post_meta($attachment_id, 'sahifa_credit', wp_slash($story['image']['credit']));
		}
		set_post_thumbnail($post_id, $attachment_id);
	}
	$ids["{$story['key']}/{$story['locale']}"] = $post_id;
}
echo wp_json_encode(array('posts' => $ids)), "\n";
