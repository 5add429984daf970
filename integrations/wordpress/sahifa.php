<?php
/**
 * Plugin Name: Sahifa
 * Description: Publishes this WordPress's posts to a Sahifa front end within a second, and sends the Preview button to Sahifa's preview of the draft.
 * Version: 1.0.0
 * License: MIT
 *
 * A must-use plugin: copy this one file to wp-content/mu-plugins/. Configure in wp-config.php:
 *
 *   define('SAHIFA_URL', 'https://news.example');              // Sahifa's public origin
 *   define('SAHIFA_REVALIDATE_SECRET', '…');                   // Sahifa's REVALIDATE_SECRET
 *   define('SAHIFA_PREVIEW_SECRET', '…');                      // Sahifa's PREVIEW_SECRET
 *
 * What it does:
 * - registers the post meta Sahifa reads over the REST API (edition, story key, authors, sources, live
 *   status, corrections, update note; a picture's credit) and a `sahifa_story` query parameter to find a
 *   story's posts;
 * - registers live posts (`sahifa_live_post`): the short posts of a live page, each a child of the story's
 *   post in its edition (`parent`), published on its own, with a key-event and a pinned flag;
 * - after a post is saved (terms and meta included: wp_after_insert_post, which WP-cron's scheduled
 *   publication fires too), trashed, restored or deleted, tells Sahifa which stories changed: one POST per
 *   request, sent at shutdown with a short timeout; failures go to the PHP error log. Sahifa answers at
 *   once and reads the posts back afterwards;
 * - sends the Preview button (block and classic editor) of an editor who may edit the post to a
 *   short-lived preview link signed exactly as Sahifa's lib/preview.ts signs it. No secret is in any URL.
 */

if (!defined('ABSPATH')) {
	exit;
}

/**
 * A post's fields, each one string: `sahifa_authors` and `sahifa_sources` one per line; `sahifa_corrections`
 * one correction per line, `YYYY-MM-DD: text` (the date, or a date-time with offset, before the first ": ");
 * `sahifa_update_note` one line on what an update changed.
 */
const SAHIFA_META = array('sahifa_edition', 'sahifa_story', 'sahifa_authors', 'sahifa_sources', 'sahifa_live', 'sahifa_corrections', 'sahifa_update_note');
const SAHIFA_LIVE_POST = 'sahifa_live_post';
/** How long a preview link from the Preview button lives, in seconds. */
const SAHIFA_PREVIEW_TTL = 3600;
/** Sahifa's publish hook takes at most this many stories a call. */
const SAHIFA_MAX_SLUGS = 100;

add_action('init', function () {
	$can_edit = function () {
		return current_user_can('edit_posts');
	};
	foreach (SAHIFA_META as $key) {
		register_post_meta('post', $key, array('show_in_rest' => true, 'single' => true, 'type' => 'string', 'auth_callback' => $can_edit));
	}
	register_post_meta('attachment', 'sahifa_credit', array('show_in_rest' => true, 'single' => true, 'type' => 'string', 'auth_callback' => $can_edit));
	// Hierarchical only so that REST takes and filters by `parent`: the story's post, in its edition.
	register_post_type(SAHIFA_LIVE_POST, array(
		'label' => 'Live posts',
		'labels' => array('singular_name' => 'Live post'),
		'public' => false,
		'show_ui' => true,
		'show_in_rest' => true,
		'rest_base' => 'sahifa_live_posts',
		'hierarchical' => true,
		'capability_type' => 'post',
		'map_meta_cap' => true,
		'supports' => array('title', 'editor', 'author', 'custom-fields', 'page-attributes'),
	));
	foreach (array('sahifa_live_key', 'sahifa_live_pinned') as $key) {
		register_post_meta(SAHIFA_LIVE_POST, $key, array('show_in_rest' => true, 'single' => true, 'type' => 'boolean', 'default' => false, 'auth_callback' => $can_edit));
	}
});

// A picture's credit beside it where a post embeds it (post meta is left out of embeds).
add_action('rest_api_init', function () {
	register_rest_field('attachment', 'sahifa_credit', array(
		'get_callback' => function ($attachment) {
			return (string) get_post_meta($attachment['id'], 'sahifa_credit', true);
		},
		'schema' => array('type' => 'string', 'context' => array('view', 'edit', 'embed')),
	));
});

/** The story a post is an edition of, as Sahifa computes it (lib/content/wordpress/map.ts): its sahifa_story, else its slug. */
function sahifa_story_key($post) {
	$key = trim((string) get_post_meta($post->ID, 'sahifa_story', true));
	if ($key !== '') {
		return $key;
	}
	$slug = $post->post_status === 'trash' ? (string) get_post_meta($post->ID, '_wp_desired_post_slug', true) : $post->post_name;
	$slug = preg_replace('/__trashed(-\d+)?$/', '', $slug);
	return $slug === '' ? null : rawurldecode($slug);
}

// GET /wp/v2/posts?sahifa_story=KEY: every post of one story, whatever its status (trash included).
add_filter('rest_post_collection_params', function ($params) {
	$params['sahifa_story'] = array('description' => 'The posts of one Sahifa story.', 'type' => 'string');
	return $params;
});
add_filter('rest_post_query', function ($args, $request) {
	$key = $request->get_param('sahifa_story');
	if ($key === null || $key === '') {
		return $args;
	}
	$statuses = array('publish', 'future', 'draft', 'pending', 'private', 'trash');
	$by_meta = get_posts(array('post_type' => 'post', 'post_status' => $statuses, 'fields' => 'ids', 'numberposts' => 100, 'meta_key' => 'sahifa_story', 'meta_value' => $key));
	$slug = sanitize_title($key);
	$by_slug = get_posts(array('post_type' => 'post', 'post_status' => $statuses, 'fields' => 'ids', 'numberposts' => 100, 'post_name__in' => array($slug, $slug . '__trashed')));
	$by_slug = array_filter($by_slug, function ($id) {
		return trim((string) get_post_meta($id, 'sahifa_story', true)) === '';
	});
	$ids = array_values(array_unique(array_merge($by_meta, $by_slug)));
	$args['post__in'] = $ids ? $ids : array(0);
	$args['post_status'] = $statuses;
	return $args;
}, 10, 2);

/** Stories changed during this request, sent to Sahifa once at its end. */
function sahifa_changed($post) {
	static $keys = array();
	static $registered = false;
	if ($post === null) {
		return $keys;
	}
	if (wp_is_post_revision($post) || wp_is_post_autosave($post)) {
		return $keys;
	}
	// A live post changes its story's live page.
	$story = $post->post_type === SAHIFA_LIVE_POST && $post->post_parent ? get_post($post->post_parent) : $post;
	if (!$story || $story->post_type !== 'post') {
		return $keys;
	}
	$key = sahifa_story_key($story);
	if ($key !== null) {
		$keys[$key] = true;
	}
	if (!$registered) {
		$registered = true;
		add_action('shutdown', 'sahifa_send_changes');
	}
	return $keys;
}

add_action('wp_after_insert_post', function ($post_id, $post) {
	sahifa_changed($post);
}, 10, 2);
foreach (array('trashed_post', 'untrashed_post', 'before_delete_post') as $hook) {
	add_action($hook, function ($post_id) {
		$post = get_post($post_id);
		if ($post) {
			sahifa_changed($post);
		}
	});
}

function sahifa_send_changes() {
	if (!defined('SAHIFA_URL') || !defined('SAHIFA_REVALIDATE_SECRET')) {
		error_log('[sahifa] SAHIFA_URL or SAHIFA_REVALIDATE_SECRET is not defined: Sahifa was not told of the change');
		return;
	}
	foreach (array_chunk(array_keys(sahifa_changed(null)), SAHIFA_MAX_SLUGS) as $slugs) {
		// wp_remote_post, not wp_safe_remote_post: Sahifa may well be on a private address or port.
		$response = wp_remote_post(rtrim(SAHIFA_URL, '/') . '/api/revalidate', array(
			'timeout' => 3,
			'headers' => array('Authorization' => 'Bearer ' . SAHIFA_REVALIDATE_SECRET, 'Content-Type' => 'application/json'),
			'body' => wp_json_encode(array('slugs' => $slugs)),
		));
		$status = is_wp_error($response) ? $response->get_error_message() : wp_remote_retrieve_response_code($response);
		if (is_wp_error($response) || $status >= 300) {
			error_log('[sahifa] the publish hook failed (' . $status . ') for ' . implode(', ', $slugs) . ': Sahifa catches up at its next poll');
		}
	}
}

/** A preview link for one edition of one story, signed as lib/preview.ts signs it (HMAC-SHA256 over slug, locale, expiry). */
function sahifa_preview_url($slug, $locale) {
	$expires = time() + SAHIFA_PREVIEW_TTL;
	$signature = hash_hmac('sha256', "preview-link\n{$slug}\n{$locale}\n{$expires}", SAHIFA_PREVIEW_SECRET);
	return rtrim(SAHIFA_URL, '/') . '/api/preview?' . http_build_query(array('slug' => $slug, 'locale' => $locale, 'exp' => $expires, 'sig' => $signature), '', '&', PHP_QUERY_RFC3986);
}

/**
 * The Preview button, whichever way the editor opens it (?p=ID&preview=true, ?preview_id=ID&preview_nonce=…,
 * or the post's own URL with preview=true): a logged-in user who may edit that post goes to Sahifa's
 * preview of it, keyed by its ID (a draft has no slug yet); anyone else sees WordPress answer as usual.
 */
add_action('template_redirect', function () {
	if (!isset($_GET['preview']) || !defined('SAHIFA_URL') || !defined('SAHIFA_PREVIEW_SECRET')) {
		return;
	}
	$id = isset($_GET['preview_id']) ? (int) $_GET['preview_id'] : (isset($_GET['p']) ? (int) $_GET['p'] : (int) get_queried_object_id());
	$post = $id ? get_post($id) : null;
	if (!$post || $post->post_type !== 'post' || !current_user_can('edit_post', $post->ID)) {
		return;
	}
	$edition = trim((string) get_post_meta($post->ID, 'sahifa_edition', true));
	nocache_headers();
	header('Referrer-Policy: no-referrer');
	wp_redirect(sahifa_preview_url('wp-' . $post->ID, $edition !== '' ? $edition : 'ar'), 302, 'Sahifa');
	exit;
}, 0);
